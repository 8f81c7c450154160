"""The input schemas of the emulated models, as Cloudflare's catalog model files give them
(cloudflare-docs ``src/content/workers-ai-models/<model>.json``, ``schema.input``, at the
commits named; descriptions and titles left out), kept as the JSON they are.

bge-small and bge-large share bge-base's schema (the same template, the same limits). Text
generation models share a few schemas, one per template the catalog files use
(``catalog.TextGenerationModel.schema`` names each model's). :mod:`workers_env.ai.cabidela`
checks inputs against them."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["EMBEDDING_SCHEMAS", "RERANKER_SCHEMA", "TEXT_GENERATION_SCHEMAS"]


EMBEDDING_SCHEMAS: dict[str, dict[str, Any]] = {
    # bge-base-en-v1.5.json at 0f82325bad9e
    'bge': json.loads(
        '{"type":"object","oneOf":[{"properties":{"text":{"oneOf":[{"type":"string","minLength":1},{"type'
        '":"array","items":{"type":"string","minLength":1},"maxItems":100}]},"pooling":{"type":"string","'
        'enum":["mean","cls"],"default":"mean"}},"required":["text"]},{"properties":{"requests":{"type":"'
        'array","items":{"properties":{"text":{"oneOf":[{"type":"string","minLength":1},{"type":"array","'
        'items":{"type":"string","minLength":1},"maxItems":100}]},"pooling":{"type":"string","enum":["mea'
        'n","cls"],"default":"mean"}},"required":["text"]}}},"required":["requests"]}]}'
    ),
    # bge-m3.json at 17331b86400e
    'bge-m3': json.loads(
        '{"type":"object","oneOf":[{"properties":{"query":{"type":"string","minLength":1},"contexts":{"ty'
        'pe":"array","items":{"type":"object","properties":{"text":{"type":"string","minLength":1}}}},"tr'
        'uncate_inputs":{"type":"boolean","default":false}},"required":["contexts"]},{"properties":{"text'
        '":{"oneOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength"'
        ':1},"maxItems":100}]},"truncate_inputs":{"type":"boolean","default":false}},"required":["text"]}'
        ',{"properties":{"requests":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"que'
        'ry":{"type":"string","minLength":1},"contexts":{"type":"array","items":{"type":"object","propert'
        'ies":{"text":{"type":"string","minLength":1}}}},"truncate_inputs":{"type":"boolean","default":fa'
        'lse}},"required":["contexts"]},{"properties":{"text":{"oneOf":[{"type":"string","minLength":1},{'
        '"type":"array","items":{"type":"string","minLength":1},"maxItems":100}]},"truncate_inputs":{"typ'
        'e":"boolean","default":false}},"required":["text"]}]}}},"required":["requests"]}]}'
    ),
    # embeddinggemma-300m.json at a782d420539d
    'embeddinggemma': json.loads(
        '{"type":"object","properties":{"text":{"oneOf":[{"type":"string","minLength":1},{"type":"array",'
        '"items":{"type":"string","minLength":1},"maxItems":100}]}},"required":["text"]}'
    ),
    # qwen3-embedding-0.6b.json at 8cd2f796464f
    'qwen3-embedding': json.loads(
        '{"type":"object","properties":{"queries":{"oneOf":[{"type":"string","minLength":1},{"type":"arra'
        'y","items":{"type":"string","minLength":1},"maxItems":32}]},"instruction":{"type":"string","defa'
        'ult":"Given a web search query, retrieve relevant passages that answer the query"},"documents":{'
        '"oneOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength":1}'
        ',"maxItems":32}]},"text":{"oneOf":[{"type":"string","minLength":1},{"type":"array","items":{"typ'
        'e":"string","minLength":1},"maxItems":32}]}}}'
    ),
    # plamo-embedding-1b.json at 05b5f46cc674
    'plamo-embedding': json.loads(
        '{"type":"object","properties":{"text":{"oneOf":[{"type":"string"},{"type":"array","items":{"type'
        '":"string"}}]}},"required":["text"]}'
    ),
}


TEXT_GENERATION_SCHEMAS: dict[str, dict[str, Any]] = {
    # llama-3.1-8b-instruct.json at a7f17ac14f8d
    'older': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1,"maxLength":13107'
        '2},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_token'
        's":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maxi'
        'mum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","minimum":1,"m'
        'aximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type'
        '":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum":2},'
        '"presence_penalty":{"type":"number","minimum":0,"maximum":2},"lora":{"type":"string"}},"required":'
        '["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object","properties":{"role'
        '":{"type":"string"},"content":{"type":"string","maxLength":131072}},"required":["role","content"]}'
        '},"functions":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"cod'
        'e":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","items":{"type":"object'
        '","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type":"string"},"parameters":{"'
        'type":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"'
        'string"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"typ'
        'e":{"type":"string"},"description":{"type":"string"}},"required":["type","description"]}}},"requir'
        'ed":["type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":'
        '{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"description"'
        ':{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required"'
        ':{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{'
        '"type":"object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required"'
        ':["type","description"]}}},"required":["type","properties"]}},"required":["name","description","pa'
        'rameters"]}},"required":["type","function"]}]}},"stream":{"type":"boolean","default":false},"max_t'
        'okens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"'
        'maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","minimum":'
        '1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"'
        'type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum"'
        ':2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required":["messages"]}]}'
    ),
    # llama-3.1-8b-instruct-fp8.json at 0f6b7e628f05
    'older-uncapped': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type":"'
        'string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_ob'
        'ject","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type"'
        ':"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"n'
        'umber","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"t'
        'op_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9'
        '999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"ty'
        'pe":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}'
        '},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object","prope'
        'rties":{"role":{"type":"string"},"content":{"type":"string"}},"required":["role","content"]}},"fun'
        'ctions":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"code":{"t'
        'ype":"string"}},"required":["name","code"]}},"tools":{"type":"array","items":{"type":"object","one'
        'Of":[{"properties":{"name":{"type":"string"},"description":{"type":"string"},"parameters":{"type":'
        '"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string'
        '"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"type":{"t'
        'ype":"string"},"description":{"type":"string"}},"required":["type","description"]}}},"required":["'
        'type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":{"type'
        '":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"description":{"typ'
        'e":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"typ'
        'e":"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type"'
        ':"object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required":["typ'
        'e","description"]}}},"required":["type","properties"]}},"required":["name","description","paramete'
        'rs"]}},"required":["type","function"]}]}},"response_format":{"type":"object","properties":{"type":'
        '{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean",'
        '"default":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"integer","defau'
        'lt":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"nu'
        'mber","minimum":0,"maximum":2},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":'
        '"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"max'
        'imum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":'
        '"number","minimum":0,"maximum":2}},"required":["messages"]}]}'
    ),
    # deepseek-r1-distill-qwen-32b.json at 08f6e6119ec6
    'newer': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type":"'
        'string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_ob'
        'ject","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type"'
        ':"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"n'
        'umber","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1'
        '},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximu'
        'm":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":'
        '{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maxim'
        'um":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object",'
        '"properties":{"role":{"type":"string"},"content":{"oneOf":[{"type":"string"},{"type":"array","item'
        's":{"type":"object","properties":{"type":{"type":"string"},"text":{"type":"string"}}}}]}},"require'
        'd":["role","content"]}},"functions":{"type":"array","items":{"type":"object","properties":{"name":'
        '{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","'
        'items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type":"st'
        'ring"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type":"ar'
        'ray","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":"obje'
        'ct","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required":["type","de'
        'scription"]}}},"required":["type","properties"]}},"required":["name","description","parameters"]},'
        '{"properties":{"type":{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"'
        'string"},"description":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type'
        '":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","a'
        'dditionalProperties":{"type":"object","properties":{"type":{"type":"string"},"description":{"type"'
        ':"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"required":["n'
        'ame","description","parameters"]}},"required":["type","function"]}]}},"response_format":{"type":"o'
        'bject","properties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{'
        '}}},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_toke'
        'ns":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"max'
        'imum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum"'
        ':1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{'
        '"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximu'
        'm":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}},"required":["messages"]}]}'
    ),
    # llama-3.3-70b-instruct-fp8-fast.json at 158889159923
    'llama-3.3': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type":"'
        'string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_ob'
        'ject","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type"'
        ':"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"n'
        'umber","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1'
        '},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximu'
        'm":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":'
        '{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maxim'
        'um":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object",'
        '"properties":{"role":{"type":"string"},"content":{"type":"string"}},"required":["role","content"]}'
        '},"functions":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"cod'
        'e":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","items":{"type":"object'
        '","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type":"string"},"parameters":{"'
        'type":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"'
        'string"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"typ'
        'e":{"type":"string"},"description":{"type":"string"}},"required":["type","description"]}}},"requir'
        'ed":["type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":'
        '{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"description"'
        ':{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required"'
        ':{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{'
        '"type":"object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required"'
        ':["type","description"]}}},"required":["type","properties"]}},"required":["name","description","pa'
        'rameters"]}},"required":["type","function"]}]}},"response_format":{"type":"object","properties":{"'
        'type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boo'
        'lean","default":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"integer",'
        '"default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"typ'
        'e":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed'
        '":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minim'
        'um":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_penalt'
        'y":{"type":"number","minimum":-2,"maximum":2}},"required":["messages"]},{"type":"object","properti'
        'es":{"requests":{"type":"array","items":{"type":"object","properties":{"external_reference":{"type'
        '":"string"},"prompt":{"type":"string","minLength":1},"stream":{"type":"boolean","default":false},"'
        'max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum'
        '":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"seed":{"type":"integer","minim'
        'um":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"freque'
        'ncy_penalty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimu'
        'm":0,"maximum":2},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":'
        '["json_object","json_schema"]},"json_schema":{}}}}}}}}]}'
    ),
    # llama-4-scout-17b-16e-instruct.json at 067fce3be998
    'llama-4-scout': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"guided_json":{"'
        'type":"object"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["'
        'json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":'
        '{"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"t'
        'ype":"number","default":0.15,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximu'
        'm":2},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"ma'
        'ximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penal'
        'ty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"max'
        'imum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object'
        '","properties":{"role":{"type":"string"},"tool_call_id":{"type":"string","pattern":"[a-zA-Z0-9]{9}'
        '"},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"object","properties":{"t'
        'ype":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"object","properties":{"url":{'
        '"type":"string","pattern":"^data:*"}}}}}},{"type":"object","properties":{"type":{"type":"string"},'
        '"text":{"type":"string"},"image_url":{"type":"object","properties":{"url":{"type":"string","patter'
        'n":"^data:*"}}}}}]}}}},"functions":{"type":"array","items":{"type":"object","properties":{"name":{'
        '"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","i'
        'tems":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type":"str'
        'ing"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type":"arr'
        'ay","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":"objec'
        't","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required":["type","des'
        'cription"]}}},"required":["type","properties"]}},"required":["name","description","parameters"]},{'
        '"properties":{"type":{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"s'
        'tring"},"description":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type"'
        ':"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","ad'
        'ditionalProperties":{"type":"object","properties":{"type":{"type":"string"},"description":{"type":'
        '"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"required":["na'
        'me","description","parameters"]}},"required":["type","function"]}]}},"response_format":{"type":"ob'
        'ject","properties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}'
        '}},"guided_json":{"type":"object"},"raw":{"type":"boolean","default":false},"stream":{"type":"bool'
        'ean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number"'
        ',"default":0.15,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k"'
        ':{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":999999'
        '9999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"'
        'number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"re'
        'quired":["messages"]}]}'
    ),
    # gemma-3-12b-it.json at 0f82325bad9e
    'gemma-3': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"guided_json":{"'
        'type":"object"},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":fals'
        'e},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"min'
        'imum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","'
        'minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_pe'
        'nalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,'
        '"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required":["prompt"]},'
        '{"properties":{"messages":{"type":"array","items":{"type":"object","properties":{"role":{"type":"s'
        'tring"},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"object","properties'
        '":{"type":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"object","properties":{"u'
        'rl":{"type":"string","pattern":"^data:*"}}}}}},{"type":"object","properties":{"type":{"type":"stri'
        'ng"},"text":{"type":"string"},"image_url":{"type":"object","properties":{"url":{"type":"string","p'
        'attern":"^data:*"}}}}}]}}}},"functions":{"type":"array","items":{"type":"object","properties":{"na'
        'me":{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"arra'
        'y","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type"'
        ':"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type"'
        ':"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":"'
        'object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required":["type"'
        ',"description"]}}},"required":["type","properties"]}},"required":["name","description","parameters'
        '"]},{"properties":{"type":{"type":"string"},"function":{"type":"object","properties":{"name":{"typ'
        'e":"string"},"description":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"'
        'type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"type":"object'
        '","additionalProperties":{"type":"object","properties":{"type":{"type":"string"},"description":{"t'
        'ype":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"required"'
        ':["name","description","parameters"]}},"required":["type","function"]}]}},"guided_json":{"type":"o'
        'bject"},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_'
        'tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,'
        '"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","minimum"'
        ':1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{'
        '"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum'
        '":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required":["messages"]}]}'
    ),
}
#: ours, for the chat-completions models whose OpenAI-sized schemas are not vendored: the
#: prompt / messages basics of ai.d.ts's ``ChatCompletionsMessagesInput`` and its prompt form;
#: and for gpt-oss, ai.d.ts's ``XOR<ResponsesInput, ChatCompletionsMessagesInput>`` reduced to
#: its basics (every Responses property optional; messages an array of objects with a role)
TEXT_GENERATION_SCHEMAS["chat-completions"] = json.loads(
    '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1}},"required":["prompt"]},'
    '{"properties":{"messages":{"type":"array","items":{"type":"object","properties":{"role":{"type":"string"}},'
    '"required":["role"]}}},"required":["messages"]}]}'
)

#: qwen3-30b-a3b-fp8.json at bc81a02196f8 (its only stored version; the prompt/messages/requests form)
TEXT_GENERATION_SCHEMAS["qwen3-30b"] = json.loads(
    '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type":"'
    'string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_ob'
    'ject","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type"'
    ':"boolean","default":false},"max_tokens":{"type":"integer","default":2000},"temperature":{"type":"'
    'number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":'
    '1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maxim'
    'um":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty"'
    ':{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maxi'
    'mum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object"'
    ',"properties":{"role":{"type":"string"},"content":{"type":"string"}},"required":["role","content"]'
    '}},"functions":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"co'
    'de":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","items":{"type":"objec'
    't","oneOf":[{"properties":{"name":{"type":"string"},"description":{"type":"string"},"parameters":{'
    '"type":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":'
    '"string"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"ty'
    'pe":{"type":"string"},"description":{"type":"string"}},"required":["type","description"]}}},"requi'
    'red":["type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type"'
    ':{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"description'
    '":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required'
    '":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":'
    '{"type":"object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"required'
    '":["type","description"]}}},"required":["type","properties"]}},"required":["name","description","p'
    'arameters"]}},"required":["type","function"]}]}},"response_format":{"type":"object","properties":{'
    '"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"bo'
    'olean","default":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"integer"'
    ',"default":2000},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"t'
    'ype":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"se'
    'ed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","min'
    'imum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_pena'
    'lty":{"type":"number","minimum":-2,"maximum":2}},"required":["messages"]},{"type":"object","proper'
    'ties":{"requests":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"prompt":{"type'
    '":"string","minLength":1},"lora":{"type":"string"},"response_format":{"type":"object","properties"'
    ':{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"'
    'boolean","default":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"intege'
    'r","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"'
    'type":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"s'
    'eed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","mi'
    'nimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_pen'
    'alty":{"type":"number","minimum":-2,"maximum":2}},"required":["prompt"]},{"properties":{"messages"'
    ':{"type":"array","items":{"type":"object","properties":{"role":{"type":"string"},"content":{"type"'
    ':"string"}},"required":["role","content"]}},"functions":{"type":"array","items":{"type":"object","'
    'properties":{"name":{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tool'
    's":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"desc'
    'ription":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"r'
    'equired":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additionalPrope'
    'rties":{"type":"object","properties":{"type":{"type":"string"},"description":{"type":"string"}},"r'
    'equired":["type","description"]}}},"required":["type","properties"]}},"required":["name","descript'
    'ion","parameters"]},{"properties":{"type":{"type":"string"},"function":{"type":"object","propertie'
    's":{"name":{"type":"string"},"description":{"type":"string"},"parameters":{"type":"object","proper'
    'ties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties"'
    ':{"type":"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"},"'
    'description":{"type":"string"}},"required":["type","description"]}}},"required":["type","propertie'
    's"]}},"required":["name","description","parameters"]}},"required":["type","function"]}]}},"respons'
    'e_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_object","json_schem'
    'a"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","defau'
    'lt":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":'
    '0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"type"'
    ':"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"r'
    'epetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number",'
    '"minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}},"required'
    '":["messages"]}]}}},"required":["requests"]}]}'
)

#: bge-reranker-base.json at f7569fbfa5ae
RERANKER_SCHEMA: dict[str, Any] = json.loads(
    '{"type":"object","properties":{"query":{"type":"string","minLength":1},"top_k":{"type":"integer",'
    '"default":null,"minimum":1},"contexts":{"type":"array","items":{"type":"object","properties":{"text":'
    '{"type":"string","minLength":1}}}}},"required":["query","contexts"]}'
)
TEXT_GENERATION_SCHEMAS["responses"] = json.loads(
    '{"type":"object","properties":{"input":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"object"}}]},'
    '"instructions":{"type":"string"},"messages":{"type":"array","items":{"type":"object",'
    '"properties":{"role":{"type":"string"}},"required":["role"]}}}}'
)
