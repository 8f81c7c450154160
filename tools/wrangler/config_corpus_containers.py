"""The corpus cases for ``containers`` and ``unsafe`` (config69), which ``config_corpus.py`` adds to
its own: every check of wrangler 4.168.0's ``validateContainerApp`` (its Durable Object-managed
form too), ``validateContainerExportLinks`` and ``validateUnsafeSettings``, on both sides of each
limit, at the top level, in an environment and in ``previews``.

``FILES``: the other files a case's folder holds (``None``: a folder), for the image paths that
wrangler looks for on disk.
"""

from __future__ import annotations

B = '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", '
J = "wrangler.json"
DIGEST = "registry.cloudflare.com/acc123/repo@sha256:" + "a" * 64
DO = '"class_name": "A", "scheduling_policy": "durable_object", '
#: Durable Object exports that pass wrangler's own ``exports`` checks (which workers-env does not make)
LIVE = '{"type": "durable-object", "storage": "sqlite"'


def app(class_name: str, rest: str = "") -> str:
    """An entry's inside: ``class_name``, a registry image, and ``rest``."""
    return f'"class_name": "{class_name}", "image": "docker.io/x:1"' + (f", {rest}" if rest else "")


def apps(*entries: str, extra: str = "") -> str:
    """A JSON config whose ``containers`` are ``entries`` (each an object's inside)."""
    return B + extra + '"containers": [' + ", ".join("{" + e + "}" for e in entries) + "]}"


def images(count: int) -> str:
    return "{" + ", ".join(f'"i{i}": {{"dockerfile": "D"}}' for i in range(count)) + "}"


def do_image(name: str, image: str) -> str:
    return apps(DO + '"images": {"' + name + '": {"image": "' + image + '"}}')


CASES: list[tuple[str, str, str, str | None]] = [
    # -- the array and its entries -----------------------------------------------------------
    ("containers-not-array", J, B + '"containers": {"a": 1}}', None),
    ("containers-false", J, B + '"containers": false}', None),
    ("containers-null-entry", J, B + '"containers": [null]}', None),  # wrangler crashes: verdict only
    ("containers-array-entry", J, B + '"containers": [[1]]}', None),
    ("containers-empty-entry", J, apps(""), None),
    ("containers-toml-ok", "wrangler.toml", 'name = "w"\n[[containers]]\nclass_name = "A"\nimage = "docker.io/x:1"\n'
     'max_instances = 5\ninstance_type = "standard-2"\n', None),
    ("containers-toml-date-image", "wrangler.toml", 'name = "w"\n[[containers]]\nclass_name = "A"\n'
     "image = 1979-05-27\n", None),
    ("containers-toml-nan-and-infinity", "wrangler.toml", 'name = "w"\n[[containers]]\nclass_name = "A"\n'
     'image = "docker.io/x:1"\nmax_instances = -inf\nrollout_step_percentage = nan\n[containers.observability]\n'
     "enabled = true\ntarget_instance_percentage = nan\n", None),
    # -- names -----------------------------------------------------------------------------------
    ("containers-no-worker-name", J, '{"containers": [{' + app("A") + "}]}", None),
    ("containers-no-class", J, apps('"image": "docker.io/x:1"'), None),
    ("containers-name-types", J, apps('"name": 5, "class_name": 6, "image": "docker.io/x:1"'), None),
    # -- image -----------------------------------------------------------------------------------
    ("containers-image-number", J, apps('"class_name": "A", "image": 5'), None),
    ("containers-image-no-tag", J, apps('"class_name": "A", "image": "docker.io/httpd"'), None),
    ("containers-image-protocol", J, apps('"class_name": "A", "image": "https://docker.io/httpd:1"'), None),
    ("containers-image-bad-url", J, apps('"class_name": "A", "image": "a b:1"'), None),
    ("containers-image-empty", J, apps('"class_name": "A", "image": ""'), None),
    ("containers-image-folder", J, apps('"class_name": "A", "image": "./sub"'), None),
    ("containers-image-dockerfile", J, apps('"class_name": "A", "image": "./Dockerfile", '
                                            '"image_build_context": "."'), None),
    ("containers-image-dockerfile-context", J, apps('"class_name": "A", "image": "./Dockerfile", '
                                                    '"image_build_context": 5'), None),
    ("containers-image-in-configuration", J, apps('"class_name": "A", "configuration": {"image": "docker.io/y:1"}',
                                                  '"class_name": "B", "configuration": 5'), None),
    ("containers-configuration-limits", J, apps(app("A", '"configuration": {"image": "docker.io/y:1", "disk": 1, '
                                                         '"q": 2}, "instance_type": "lite", "zz": 1, "2": 3')), None),
    # -- rollout ---------------------------------------------------------------------------------
    ("containers-rollout-number", J, apps(app("A", '"rollout_step_percentage": 5'),
                                          app("B", '"rollout_step_percentage": 30'),
                                          app("C", '"rollout_step_percentage": 2.5')), None),
    ("containers-rollout-array-ok", J, apps(app("A", '"rollout_step_percentage": [10, 50, 100], '
                                                     '"max_instances": 3')), None),
    ("containers-rollout-array-bad", J, apps(app("A", '"rollout_step_percentage": [50, 5, "x", null, 120, 90], '
                                                      '"max_instances": 3')), None),
    ("containers-rollout-array-mixed", J, apps(app("A", '"rollout_step_percentage": [20, "x", 10, 100]')), None),
    ("containers-rollout-other", J, apps(app("A", '"rollout_step_percentage": "10"'),
                                         app("B", '"rollout_step_percentage": {"a": 1}')), None),
    ("containers-rollout-settings", J, apps(app("A", '"rollout_kind": "x", "rollout_active_grace_period": -1'),
                                            app("B", '"rollout_kind": 5, "rollout_active_grace_period": "5"'),
                                            app("C", '"rollout_kind": "none", '
                                                     '"rollout_active_grace_period": 0')), None),
    # -- max_instances and the rest ----------------------------------------------------------------
    ("containers-max-instances", J, apps(app("A", '"max_instances": -1'), app("B", '"max_instances": "-2"'),
                                         app("C", '"max_instances": 0')), None),
    ("containers-max-instances-null", J, apps(app("A", '"max_instances": null, '
                                                       '"rollout_step_percentage": [100]')), None),
    ("containers-deprecated", J, apps(app("A", '"image_vars": 5, "scheduling_policy": "x", "instances": 2, '
                                               '"durable_objects": {}, "wrangler_ssh": {"enabled": true}'),
                                      app("B", '"scheduling_policy": "regional", "image_vars": {"A": "1"}')), None),
    ("containers-unsafe", J, apps(app("A", '"unsafe": "x"'), app("B", '"unsafe": []'), app("C", '"unsafe": null'),
                                  app("D", '"unsafe": {"a": 1}')), None),
    # -- ssh and keys ----------------------------------------------------------------------------
    ("containers-ssh", J, apps(app("A", '"ssh": {"port": 0}, "wrangler_ssh": 5'),
                               app("B", '"wrangler_ssh": {"enabled": "y", "port": 1.5}'),
                               app("C", '"ssh": {"enabled": true, "port": 65535}'),
                               app("D", '"ssh": {"enabled": true, "port": 65536}'),
                               app("E", '"ssh": {"enabled": false, "port": 1}')), None),
    ("containers-keys", J, apps(app("A", '"authorized_keys": 5, "trusted_user_ca_keys": [5, {"public_key": '
                                         '"ssh-rsa x"}, {"name": 1}, {"name": "n", "public_key": "SSH-ED25519 AAA"}]'),
                                app("B", '"authorized_keys": [{"public_key": "ssh-ed25519 x"}, {"name": "k", '
                                         '"public_key": "ssh-ed25519 y"}]')), None),
    # -- constraints -------------------------------------------------------------------------------
    ("containers-constraints", J, apps(app("A", '"constraints": {"tier": 1, "tiers": [1, "2"], "jurisdiction": "xx", '
                                                '"regions": ["weur", "mars", 5]}')), None),
    ("containers-constraints-types", J, apps(app("A", '"constraints": {"tier": 1, "tiers": 3, "jurisdiction": 5, '
                                                      '"regions": "WEUR"}'),
                                             app("B", '"constraints": 5'), app("C", '"constraints": null'),
                                             app("D", '"constraints": {"tiers": [1, 2], "jurisdiction": "eu", '
                                                      '"regions": ["ENAM", "oc"]}')), None),
    # -- instance_type -----------------------------------------------------------------------------
    ("containers-instance-type", J, apps(app("A", '"instance_type": "huge"'), app("B", '"instance_type": "dev"'),
                                         app("C", '"instance_type": "standard"'), app("D", '"instance_type": 5'),
                                         app("E", '"instance_type": {"vcpu": "1", "disk_mb": 2, "x": 1}'),
                                         app("F", '"instance_type": null'),
                                         app("G", '"instance_type": {"vcpu": 1, "memory_mib": 256}')), None),
    # -- observability -----------------------------------------------------------------------------
    ("containers-observability", J, apps(
        app("A", '"observability": {}'), app("B", '"observability": 5'),
        app("C", '"observability": {"logs": 5, "enabled": "x"}'),
        app("D", '"observability": {"logs": {"enabled": false, "k": 1}, "enabled": true, "z": 1}'),
        app("E", '"observability": {"target_instance_percentage": 100, "target_instance_count": 0.5}'),
        app("F", '"observability": {"logs": {}}')), None),
    ("containers-observability-limits", J, apps(
        app("A", '"observability": {"enabled": true, "target_instance_percentage": 1}'),
        app("B", '"observability": {"logs": {"enabled": true}, "target_instance_percentage": 99}'),
        app("C", '"observability": {"enabled": true, "target_instance_count": 1}'),
        app("D", '"observability": {"enabled": true, "target_instance_percentage": 0}'),
        app("E", '"observability": {"enabled": true, "target_instance_count": 0}')), None),
    # -- Durable Object-managed ------------------------------------------------------------------
    ("containers-do-ok", J, apps(DO + '"images": {"main": {"image": "' + DIGEST + '"}, "b": {"dockerfile": "./D", '
                                 '"build_context": ".", "build_vars": {"X": "1"}}}, "observability": {"enabled": '
                                 'true}, "unsafe": {"configuration": {"experimental_flags": ["f"]}}, "ssh": '
                                 '{"enabled": true}, "authorized_keys": [{"name": "k", "public_key": '
                                 '"ssh-ed25519 x"}]'), None),
    ("containers-do-bad", J, apps('"class_name": "", "scheduling_policy": "durable_object", "images": {"": {"image": '
                                  '"docker.io/x:1", "dockerfile": 5, "build_vars": 1}, "b": 5, "c": {}, "d": '
                                  '{"dockerfile": "", "build_context": "", "build_vars": {"a": 1}, "z": 1}, "e": '
                                  '{"image": "' + DIGEST + '", "build_context": "."}}, "observability": '
                                  '{"target_instance_count": 2}, "unsafe": {"configuration": {"experimental_flags": '
                                  '[1]}}, "image": "x", "max_instances": 3, "ssh": {"enabled": 1}, "authorized_keys": '
                                  "[{}]"), None),
    ("containers-do-images-and-unsafe", J, apps(
        '"scheduling_policy": "durable_object", "images": {}, "unsafe": {"x": 1}',
        '"class_name": 5, "scheduling_policy": "durable_object", "images": [], "unsafe": 5',
        '"name": "n", "scheduling_policy": "durable_object", "unsafe": {"configuration": {"experimental_flags": '
        '["a"], "b": 1}}',
        '"name": "m", "scheduling_policy": "durable_object", "unsafe": {"configuration": null}',
        '"name": "o", "scheduling_policy": "durable_object", "unsafe": {"configuration": {"experimental_flags": '
        '"a"}}'), None),
    ("containers-do-fedramp", J, apps(DO + '"images": {"m": {"image": "' + DIGEST + '"}, "f": {"image": '
                                      '"registry.fed.cloudflare.com/acc/r@sha256:' + "b" * 64 + '"}}',
                                      extra='"compliance_region": "fedramp_high", '), None),
    ("containers-do-env-inherits-region", J, '{"name": "w", "compliance_region": "fedramp_high", "env": {"s": '
     '{"containers": [{' + DO + '"images": {"a": {"image": "' + DIGEST + '"}}}]}}}', "s"),
    ("containers-do-image-name-128", J, do_image("x" * 128, DIGEST), None),
    ("containers-do-image-name-129", J, do_image("x" * 129, DIGEST), None),
    ("containers-do-100-images", J, apps(DO + '"images": ' + images(100)), None),
    ("containers-do-101-images", J, apps(DO + '"images": ' + images(101)), None),
    ("containers-do-digest-no-account", J, do_image("a", "registry.cloudflare.com/repo@sha256:" + "a" * 64), None),
    ("containers-do-digest-upper-hex", J, do_image("a", "registry.cloudflare.com/a/r@sha256:" + "A" * 64), None),
    ("containers-do-digest-tag", J, do_image("a", "registry.cloudflare.com/a/r:1"), None),
    # -- which Durable Object each container backs -------------------------------------------------
    ("containers-links", J, B + '"exports": {"A": ' + LIVE + ', "container": "c1"}, "B": ' + LIVE + ', "container": '
     '"nope"}, "C": ' + LIVE + ', "container": "c1"}, "D": {"type": "durable-object", "state": "deleted"}, "E": '
     '{"type": "durable-object", "storage": "legacy-kv"}}, "containers": [{"name": "c1", "image": "docker.io/x:1"}, '
     '{"name": "c2", "image": "docker.io/x:1"}, {"name": "c3", "class_name": "E", "image": "docker.io/x:1"}, {"name": '
     '"c4", "class_name": "D", "image": "docker.io/x:1"}, {"name": "c5", "class_name": "A", "image": "docker.io/x:1"}, '
     '{"name": "c1", "class_name": "Z", "image": "docker.io/x:1"}]}', None),
    ("containers-links-ok", J, B + '"exports": {"A": ' + LIVE + '}, "B": ' + LIVE + ', "container": "b"}}, '
     '"containers": [{' + app("A") + '}, {"name": "b", "image": "docker.io/x:1"}]}', None),
    ("containers-links-default-names", J, apps(app("A"), app("A"), '"name": "w-b", "image": "docker.io/x:1"', app("B"),
                                               app("My Class"), app("Q", '"name": "w-my-class"')), None),
    ("containers-links-mismatch", J, B + '"exports": {"A": ' + LIVE + ', "container": "other"}, "B": ' + LIVE + ', '
     '"container": "w-a"}}, "containers": [{' + app("A") + '}, {"name": "other", "image": "docker.io/x:1"}]}', None),
    ("containers-links-claimed", J, B + '"exports": {"B": ' + LIVE + ', "container": "w-a"}}, "containers": '
     '[{' + app("A") + "}]}", None),
    ("containers-links-no-containers", J, B + '"exports": {"B": ' + LIVE + ', "container": "zz"}}}', None),
    ("containers-links-env", J, B + '"exports": {"B": ' + LIVE + ', "container": "zz"}}, "env": {"s": {"containers": '
     '[{' + app("B") + "}]}}}", "s"),
    # -- environments ------------------------------------------------------------------------------
    ("containers-env", J, B + '"containers": [{' + app("A") + '}], "env": {"s": {"containers": [{' + app("A") + "}, {"
     + app("A", '"rollout_kind": 1') + "}]}}}", "s"),
    ("containers-env-missing", J, B + '"containers": [{' + app("A") + '}], "env": {"s": {}}}', "s"),
    ("containers-unknown-env", J, B + '"containers": [{' + app("A") + "}, {" + app("A", '"max_instances": -1')
     + '}], "unsafe": {"bindings": [{"name": "A", "type": "ai"}], "zz": 1}}', "nope"),
    ("containers-env-null", J, B + '"containers": [{' + app("A") + '}], "env": {"s": {"containers": null, '
     '"unsafe": null}}}', "s"),
    ("containers-env-named", J, '{"env": {"s": {"name": "q", "containers": [{' + app("A") + "}, {" + app("A")
     + "}]}}}", "s"),
    # -- previews ----------------------------------------------------------------------------------
    ("containers-previews-ok", J, B + '"previews": {"containers": [{' + app("A") + "}, {"
     + app("B", '"max_instances": 2') + "}]}}", None),
    ("containers-previews-bad", J, B + '"previews": {"containers": [{"image": "docker.io/x", "rollout_kind": 3, '
     '"instance_type": "huge", "ssh": {}}, {"class_name": "B"}]}}', None),
    ("containers-previews-not-array", J, B + '"previews": {"containers": {"a": 1}}}', None),
    ("containers-previews-env", J, B + '"env": {"s": {"previews": {"containers": [{"class_name": "A", "image": 5, '
     '"observability": {"enabled": false, "target_instance_count": 1}}]}}}}', "s"),
    # -- unsafe ------------------------------------------------------------------------------------
    ("unsafe-ok", "wrangler.toml", 'name = "w"\n[unsafe]\nmetadata = { a = 1 }\n[[unsafe.bindings]]\nname = "R"\n'
     'type = "ratelimit"\nnamespace_id = "1"\nsimple = { limit = 1, period = 60 }\n', None),
    ("unsafe-bindings-bad", J, '{"name": "w", "unsafe": {"bindings": [5, null, {"name": 1}, {"name": "M", "type": '
     '"metadata"}, {"type": "metadata"}, {"name": "A", "type": "ai"}], "metadata": 5, "zz": 1}}', None),
    ("unsafe-bindings-array-entry", J, '{"name": "w", "unsafe": {"bindings": [[1]]}}', None),
    ("unsafe-metadata-and-capnp", J, '{"name": "w", "unsafe": {"bindings": [], "metadata": [1], "capnp": 5, '
     '"zz": 1}}', None),
    ("unsafe-capnp-both", J, '{"name": "w", "unsafe": {"capnp": {"compiled_schema": "x", "base_path": "y"}, '
     '"zz": 1}}', None),
    ("unsafe-capnp-compiled-number", J, '{"name": "w", "unsafe": {"capnp": {"compiled_schema": 5}}}', None),
    ("unsafe-capnp-empty", J, '{"name": "w", "unsafe": {"capnp": {}, "zz": 1}}', None),
    ("unsafe-capnp-sources", J, '{"name": "w", "unsafe": {"capnp": {"base_path": 5, "source_schemas": ["a", 1]}, '
     '"zz": 1}}', None),
    ("unsafe-capnp-ok", J, '{"name": "w", "unsafe": {"capnp": {"base_path": "b", "source_schemas": ["a"]}, "zz": 1, '
     '"metadata": null}}', None),
    ("unsafe-array", J, '{"name": "w", "unsafe": [1]}', None),
    ("unsafe-env", J, '{"name": "w", "unsafe": {"bindings": [{"name": "A", "type": "x"}, {"name": "B", "type": '
     '"y"}]}, "env": {"s": {"unsafe": {"bindings": [{"name": "A", "type": "x"}], "zz": 1, "metadata": "m"}}}}', "s"),
    ("unsafe-env-bindings-object", J, '{"name": "w", "unsafe": {"metadata": {}}, "env": {"s": {"unsafe": '
     '{"bindings": {"a": 1}}}}}', "s"),
    ("unsafe-env-top-metadata", J, '{"name": "w", "unsafe": {"metadata": {}}, "env": {"s": {"unsafe": {"bindings": '
     '[{"name": "A", "type": "x"}]}}}}', "s"),
    ("unsafe-env-top-too", J, B + '"unsafe": {"bindings": [{"name": "A", "type": "x"}]}, "env": {"s": {"unsafe": '
     '{"bindings": [], "capnp": {"base_path": "x"}}}}}', "s"),
    ("unsafe-env-toml", "wrangler.toml", 'name = "w"\n[[unsafe.bindings]]\nname = "X"\ntype = "y"\n[env.s.unsafe]\n'
     "metadata = 1\n", "s"),
    ("unsafe-env-only", J, '{"name": "w", "env": {"s": {"unsafe": {"bindings": null, "metadata": {}}}}}', "s"),
    ("unsafe-previews", J, B + '"previews": {"unsafe": {"bindings": [{"name": "X", "type": "kv_namespace"}, '
     '{"type": 5}], "q": 1}}}', None),
    ("unsafe-previews-metadata", J, B + '"previews": {"unsafe": {"metadata": [], "bindings": []}}}', None),
]

# pin69's cases (each hand mutation of the checks survived them), as tests/test_config_containers_entries_checked_as_wrangler_checks.py holds them
CASES += [
    ('containers-huge-integers', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "max_instances": -10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000, "rollout_step_percentage": 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000}]}', None),
    ('containers-image-minus-zero-and-array', 'wrangler.toml', 'name = "w"\n[[containers]]\nclass_name = "A"\nimage = -0.0\n[[containers]]\nclass_name = "B"\nimage = ["x"]\n', None),
    ('containers-image-tag-in-last-part', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "localhost:5000/httpd"}, {"class_name": "B", "image": "https://docker.io/httpd"}]}', None),
    ('containers-empty-class-and-worker-name', 'wrangler.json', '{"name": "", "containers": [{"name": "c", "class_name": "", "image": "docker.io/x:1"}, {"class_name": "A", "image": "docker.io/x:1"}, {"class_name": "", "scheduling_policy": "durable_object"}]}', None),
    ('containers-do-instance-percentage', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "scheduling_policy": "durable_object", "observability": {"enabled": true, "target_instance_percentage": 50}}]}', None),
    ('containers-configuration-memory-and-instance-type', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "instance_type": "lite", "configuration": {"memory_mib": 5}}]}', None),
    ('containers-rollout-equal-and-two-descents', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "rollout_step_percentage": [10, 10, 100]}, {"class_name": "B", "image": "docker.io/x:1", "rollout_step_percentage": [50, 20, 60, 30, 100]}]}', None),
    ('containers-constraints-us-and-order', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "constraints": {"jurisdiction": "us"}}, {"class_name": "B", "image": "docker.io/x:1", "instance_type": {"vcpu": true, "disk_mb": false}, "constraints": {"jurisdiction": "mars"}}]}', None),
    ('containers-image-build-context-falsy', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "./Dockerfile", "image_build_context": false}, {"class_name": "B", "image": "./Dockerfile", "image_build_context": 0}]}', None),
    ('containers-do-image-name-utf16', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "scheduling_policy": "durable_object", "images": {"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀": {"dockerfile": "./Dockerfile"}, "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀": {"dockerfile": "./Dockerfile"}}}]}', None),
    ('containers-links-duplicates-in-utf16-order', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"name": "\uffff", "class_name": "A", "image": "docker.io/x:1"}, {"name": "\uffff", "class_name": "B", "image": "docker.io/x:1"}, {"name": "😀", "class_name": "C", "image": "docker.io/x:1"}, {"name": "😀", "class_name": "D", "image": "docker.io/x:1"}]}', None),
    ('containers-links-crowded-class', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "name": "a1"}, {"class_name": "A", "image": "docker.io/x:1", "name": "a2"}], "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": "a1"}}}', None),
    ('containers-links-legacy-kv-named', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "containers": [{"class_name": "A", "image": "docker.io/x:1", "name": "a1"}], "exports": {"A": {"type": "durable-object", "storage": "legacy-kv", "container": "a1"}}}', None),
]

FILES: dict[str, dict[str, str | None]] = {
    "containers-image-folder": {"sub": None},
    "containers-image-dockerfile": {"Dockerfile": "FROM scratch\n"},
    "containers-image-dockerfile-context": {"Dockerfile": "FROM scratch\n"},
    "containers-image-build-context-falsy": {"Dockerfile": "FROM scratch\n"},
}
