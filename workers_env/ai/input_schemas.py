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
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1,"maxLength":131'
        '072},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_t'
        'okens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0'
        ',"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","minim'
        'um":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penal'
        'ty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"'
        'maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2},"lora":{"type":"string"'
        '}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object","pr'
        'operties":{"role":{"type":"string"},"content":{"type":"string","maxLength":131072}},"required":['
        '"role","content"]}},"functions":{"type":"array","items":{"type":"object","properties":{"name":{"'
        'type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","'
        'items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"parameters":{"type":"o'
        'bject","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string'
        '"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"type":{'
        '"type":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"requi'
        'red":["name","description","parameters"]},{"properties":{"type":{"type":"string"},"function":{"t'
        'ype":"object","properties":{"name":{"type":"string"},"parameters":{"type":"object","properties":'
        '{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"t'
        'ype":"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"}},"r'
        'equired":["type","description"]}}},"required":["type","properties"]}},"required":["name","descri'
        'ption","parameters"]}},"required":["type","function"]}]}},"stream":{"type":"boolean","default":f'
        'alse},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.6'
        ',"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"int'
        'eger","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repe'
        'tition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","'
        'minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required"'
        ':["messages"]}]}'
    ),
    # llama-3.1-8b-instruct-fp8.json at 0f6b7e628f05
    'older-uncapped': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type"'
        ':"string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["jso'
        'n_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{'
        '"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"'
        'type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maxi'
        'mum":2},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1'
        ',"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency'
        '_penalty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum'
        '":0,"maximum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items":{"typ'
        'e":"object","properties":{"role":{"type":"string"},"content":{"type":"string"}},"required":["rol'
        'e","content"]}},"functions":{"type":"array","items":{"type":"object","properties":{"name":{"type'
        '":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","item'
        's":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"parameters":{"type":"objec'
        't","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},'
        '"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"type":{"typ'
        'e":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"required"'
        ':["name","description","parameters"]},{"properties":{"type":{"type":"string"},"function":{"type"'
        ':"object","properties":{"name":{"type":"string"},"parameters":{"type":"object","properties":{"ty'
        'pe":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"type"'
        ':"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"}},"requi'
        'red":["type","description"]}}},"required":["type","properties"]}},"required":["name","descriptio'
        'n","parameters"]}},"required":["type","function"]}]}},"response_format":{"type":"object","proper'
        'ties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"'
        'type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type'
        '":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5}'
        ',"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"integer","minimum":1,"maximu'
        'm":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"'
        'number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum":2},"'
        'presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required":["messages"]}]}'
    ),
    # deepseek-r1-distill-qwen-32b.json at 08f6e6119ec6
    'newer': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type"'
        ':"string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["jso'
        'n_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{'
        '"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"'
        'type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"'
        'maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimu'
        'm":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequ'
        'ency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","mi'
        'nimum":-2,"maximum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items"'
        ':{"type":"object","properties":{"role":{"type":"string"},"content":{"oneOf":[{"type":"string"},{'
        '"type":"array","items":{"type":"object","properties":{"type":{"type":"string"},"text":{"type":"s'
        'tring"}}}}]}},"required":["role","content"]}},"functions":{"type":"array","items":{"type":"objec'
        't","properties":{"name":{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}}'
        ',"tools":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string'
        '"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type":"arra'
        'y","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":"obje'
        'ct","properties":{"type":{"type":"string"}},"required":["type","description"]}}},"required":["ty'
        'pe","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":{"type'
        '":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"parameters":{"ty'
        'pe":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"'
        'string"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"t'
        'ype":{"type":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},'
        '"required":["name","description","parameters"]}},"required":["type","function"]}]}},"response_fo'
        'rmat":{"type":"object","properties":{"type":{"type":"string","enum":["json_object","json_schema"'
        ']},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","defau'
        'lt":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default'
        '":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"t'
        'ype":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":99999999'
        '99},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"'
        'number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}}'
        ',"required":["messages"]}]}'
    ),
    # llama-3.3-70b-instruct-fp8-fast.json at 158889159923
    'llama-3.3': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type"'
        ':"string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["jso'
        'n_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{'
        '"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"'
        'type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"'
        'maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimu'
        'm":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequ'
        'ency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","mi'
        'nimum":-2,"maximum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items"'
        ':{"type":"object","properties":{"role":{"type":"string"},"content":{"type":"string"}},"required"'
        ':["role","content"]}},"functions":{"type":"array","items":{"type":"object","properties":{"name":'
        '{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array"'
        ',"items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"parameters":{"type":'
        '"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"stri'
        'ng"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"type"'
        ':{"type":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"req'
        'uired":["name","description","parameters"]},{"properties":{"type":{"type":"string"},"function":{'
        '"type":"object","properties":{"name":{"type":"string"},"parameters":{"type":"object","properties'
        '":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{'
        '"type":"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"}},'
        '"required":["type","description"]}}},"required":["type","properties"]}},"required":["name","desc'
        'ription","parameters"]}},"required":["type","function"]}]}},"response_format":{"type":"object","'
        'properties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"r'
        'aw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_tokens":'
        '{"type":"integer","default":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maxim'
        'um":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum"'
        ':1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty"'
        ':{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"ma'
        'ximum":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}},"required":["messages"]'
        '},{"type":"object","properties":{"requests":{"type":"array","items":{"type":"object","properties'
        '":{"external_reference":{"type":"string"},"prompt":{"type":"string","minLength":1},"stream":{"ty'
        'pe":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperature":{"typ'
        'e":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum'
        '":2},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"nu'
        'mber","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":0,"maximum":2},"pr'
        'esence_penalty":{"type":"number","minimum":0,"maximum":2},"response_format":{"type":"object","pr'
        'operties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}}}}}}}'
        ']}'
    ),
    # llama-4-scout-17b-16e-instruct.json at 067fce3be998
    'llama-4-scout': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"guided_json":'
        '{"type":"object"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum'
        '":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"st'
        'ream":{"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"temperat'
        'ure":{"type":"number","default":0.15,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum"'
        ':0,"maximum":2},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","mi'
        'nimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"f'
        'requency_penalty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"number",'
        '"minimum":0,"maximum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","item'
        's":{"type":"object","properties":{"role":{"type":"string"},"tool_call_id":{"type":"string","patt'
        'ern":"[a-zA-Z0-9]{9}"},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"ob'
        'ject","properties":{"type":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"objec'
        't","properties":{"url":{"type":"string","pattern":"^data:*"}}}}}},{"type":"object","properties":'
        '{"type":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"object","properties":{"u'
        'rl":{"type":"string","pattern":"^data:*"}}}}}]}}}},"functions":{"type":"array","items":{"type":"'
        'object","properties":{"name":{"type":"string"},"code":{"type":"string"}},"required":["name","cod'
        'e"]}},"tools":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"s'
        'tring"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type":'
        '"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":'
        '"object","properties":{"type":{"type":"string"}},"required":["type","description"]}}},"required"'
        ':["type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":{'
        '"type":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"parameters"'
        ':{"type":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"ty'
        'pe":"string"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties'
        '":{"type":{"type":"string"}},"required":["type","description"]}}},"required":["type","properties'
        '"]}},"required":["name","description","parameters"]}},"required":["type","function"]}]}},"respon'
        'se_format":{"type":"object","properties":{"type":{"type":"string","enum":["json_object","json_sc'
        'hema"]},"json_schema":{}}},"guided_json":{"type":"object"},"raw":{"type":"boolean","default":fal'
        'se},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"integer","default":256},"t'
        'emperature":{"type":"number","default":0.15,"minimum":0,"maximum":5},"top_p":{"type":"number","m'
        'inimum":0,"maximum":2},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integ'
        'er","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum'
        '":2},"frequency_penalty":{"type":"number","minimum":0,"maximum":2},"presence_penalty":{"type":"n'
        'umber","minimum":0,"maximum":2}},"required":["messages"]}]}'
    ),
    # gemma-3-12b-it.json at 0f82325bad9e
    'gemma-3': json.loads(
        '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"guided_json":'
        '{"type":"object"},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":'
        'false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0.'
        '6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"type":"in'
        'teger","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"rep'
        'etition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number",'
        '"minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"required'
        '":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object","properties":{"'
        'role":{"type":"string"},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"o'
        'bject","properties":{"type":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"obje'
        'ct","properties":{"url":{"type":"string","pattern":"^data:*"}}}}}},{"type":"object","properties"'
        ':{"type":{"type":"string"},"text":{"type":"string"},"image_url":{"type":"object","properties":{"'
        'url":{"type":"string","pattern":"^data:*"}}}}}]}}}},"functions":{"type":"array","items":{"type":'
        '"object","properties":{"name":{"type":"string"},"code":{"type":"string"}},"required":["name","co'
        'de"]}},"tools":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"'
        'string"},"parameters":{"type":"object","properties":{"type":{"type":"string"},"required":{"type"'
        ':"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type"'
        ':"object","properties":{"type":{"type":"string"}},"required":["type","description"]}}},"required'
        '":["type","properties"]}},"required":["name","description","parameters"]},{"properties":{"type":'
        '{"type":"string"},"function":{"type":"object","properties":{"name":{"type":"string"},"parameters'
        '":{"type":"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"t'
        'ype":"string"}},"properties":{"type":"object","additionalProperties":{"type":"object","propertie'
        's":{"type":{"type":"string"}},"required":["type","description"]}}},"required":["type","propertie'
        's"]}},"required":["name","description","parameters"]}},"required":["type","function"]}]}},"guide'
        'd_json":{"type":"object"},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","d'
        'efault":false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","def'
        'ault":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0,"maximum":2},"top_k":{"t'
        'ype":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":99999999'
        '99},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"'
        'number","minimum":0,"maximum":2},"presence_penalty":{"type":"number","minimum":0,"maximum":2}},"'
        'required":["messages"]}]}'
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
    '{"type":"object","oneOf":[{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type"'
    ':"string"},"response_format":{"type":"object","properties":{"type":{"type":"string","enum":["jso'
    'n_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{'
    '"type":"boolean","default":false},"max_tokens":{"type":"integer","default":2000},"temperature":{'
    '"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,'
    '"maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minim'
    'um":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"freq'
    'uency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","m'
    'inimum":-2,"maximum":2}},"required":["prompt"]},{"properties":{"messages":{"type":"array","items'
    '":{"type":"object","properties":{"role":{"type":"string"},"content":{"type":"string"}},"required'
    '":["role","content"]}},"functions":{"type":"array","items":{"type":"object","properties":{"name"'
    ':{"type":"string"},"code":{"type":"string"}},"required":["name","code"]}},"tools":{"type":"array'
    '","items":{"type":"object","oneOf":[{"properties":{"name":{"type":"string"},"parameters":{"type"'
    ':"object","properties":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"str'
    'ing"}},"properties":{"type":"object","additionalProperties":{"type":"object","properties":{"type'
    '":{"type":"string"}},"required":["type","description"]}}},"required":["type","properties"]}},"re'
    'quired":["name","description","parameters"]},{"properties":{"type":{"type":"string"},"function":'
    '{"type":"object","properties":{"name":{"type":"string"},"parameters":{"type":"object","propertie'
    's":{"type":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":'
    '{"type":"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"}}'
    ',"required":["type","description"]}}},"required":["type","properties"]}},"required":["name","des'
    'cription","parameters"]}},"required":["type","function"]}]}},"response_format":{"type":"object",'
    '"properties":{"type":{"type":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"'
    'raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default":false},"max_tokens"'
    ':{"type":"integer","default":2000},"temperature":{"type":"number","default":0.6,"minimum":0,"max'
    'imum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimu'
    'm":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999},"repetition_penalt'
    'y":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"'
    'maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}},"required":["messages'
    '"]},{"type":"object","properties":{"requests":{"type":"array","items":{"type":"object","oneOf":['
    '{"properties":{"prompt":{"type":"string","minLength":1},"lora":{"type":"string"},"response_forma'
    't":{"type":"object","properties":{"type":{"type":"string","enum":["json_object","json_schema"]},'
    '"json_schema":{}}},"raw":{"type":"boolean","default":false},"stream":{"type":"boolean","default"'
    ':false},"max_tokens":{"type":"integer","default":256},"temperature":{"type":"number","default":0'
    '.6,"minimum":0,"maximum":5},"top_p":{"type":"number","minimum":0.001,"maximum":1},"top_k":{"type'
    '":"integer","minimum":1,"maximum":50},"seed":{"type":"integer","minimum":1,"maximum":9999999999}'
    ',"repetition_penalty":{"type":"number","minimum":0,"maximum":2},"frequency_penalty":{"type":"num'
    'ber","minimum":-2,"maximum":2},"presence_penalty":{"type":"number","minimum":-2,"maximum":2}},"r'
    'equired":["prompt"]},{"properties":{"messages":{"type":"array","items":{"type":"object","propert'
    'ies":{"role":{"type":"string"},"content":{"type":"string"}},"required":["role","content"]}},"fun'
    'ctions":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"code":{'
    '"type":"string"}},"required":["name","code"]}},"tools":{"type":"array","items":{"type":"object",'
    '"oneOf":[{"properties":{"name":{"type":"string"},"parameters":{"type":"object","properties":{"ty'
    'pe":{"type":"string"},"required":{"type":"array","items":{"type":"string"}},"properties":{"type"'
    ':"object","additionalProperties":{"type":"object","properties":{"type":{"type":"string"}},"requi'
    'red":["type","description"]}}},"required":["type","properties"]}},"required":["name","descriptio'
    'n","parameters"]},{"properties":{"type":{"type":"string"},"function":{"type":"object","propertie'
    's":{"name":{"type":"string"},"parameters":{"type":"object","properties":{"type":{"type":"string"'
    '},"required":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additiona'
    'lProperties":{"type":"object","properties":{"type":{"type":"string"}},"required":["type","descri'
    'ption"]}}},"required":["type","properties"]}},"required":["name","description","parameters"]}},"'
    'required":["type","function"]}]}},"response_format":{"type":"object","properties":{"type":{"type'
    '":"string","enum":["json_object","json_schema"]},"json_schema":{}}},"raw":{"type":"boolean","def'
    'ault":false},"stream":{"type":"boolean","default":false},"max_tokens":{"type":"integer","default'
    '":256},"temperature":{"type":"number","default":0.6,"minimum":0,"maximum":5},"top_p":{"type":"nu'
    'mber","minimum":0.001,"maximum":1},"top_k":{"type":"integer","minimum":1,"maximum":50},"seed":{"'
    'type":"integer","minimum":1,"maximum":9999999999},"repetition_penalty":{"type":"number","minimum'
    '":0,"maximum":2},"frequency_penalty":{"type":"number","minimum":-2,"maximum":2},"presence_penalt'
    'y":{"type":"number","minimum":-2,"maximum":2}},"required":["messages"]}]}}},"required":["request'
    's"]}]}'
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
