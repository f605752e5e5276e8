#!/usr/bin/env python3
"""Derive the OCSF schema facts Sluice needs from an ocsf/ocsf-schema checkout.

Usage:  python3 ocsf/tools/derive_schema_facts.py <ocsf-schema-dir> > \
            ocsf/src/main/resources/dev/sluice/ocsf/ocsf-schema-facts.json

What it does (the same resolution the OCSF server performs, limited to what Sluice emits):
- classes: resolves the `extends` chain (base_event -> finding -> detection_finding), merges each
  level's attribute overrides onto the dictionary definition, expands `$include`d profiles
  (attributes keep the profile name unless a class re-declares them with "profile": null), and
  adds the class-specific enums of class_uid, category_uid and type_uid (class_uid*100+activity_id);
- objects: the same for the listed objects (extends chain, profiles, constraints);
- types: every dictionary type with its base type, regex, range and max_len;
- observable type ids: gathered from types, objects and attributes that carry an `observable` id.
Output is sorted, so regenerating from the same schema gives the same bytes.
"""
import json
import os
import sys

CLASSES = ["findings/detection_finding"]
OBJECTS = [
    "metadata", "product", "finding_info", "analytic", "attack", "technique", "sub_technique",
    "tactic", "device", "evidences", "network_endpoint", "network_connection_info", "observable",
    "resource_details", "related_event", "url", "user",
]
BASE_TYPES = {"string_t", "integer_t", "long_t", "float_t", "boolean_t", "json_t", "object_t"}


def load(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return json.load(f)


def merge_attr(base, override):
    out = dict(base)
    for k, v in override.items():
        if k == "enum" and isinstance(v, dict):
            merged = dict(out.get("enum", {}))
            merged.update(v)
            out["enum"] = merged
        else:
            out[k] = v
    return out


def own_attributes(root, spec):
    """Attributes declared by one file, with $include'd profiles expanded (marked by profile)."""
    attrs = {}
    for key, value in spec.get("attributes", {}).items():
        if key == "$include":
            for inc in value:
                prof = load(root, inc)
                pname = prof.get("name")
                for pk, pv in prof.get("attributes", {}).items():
                    if pk == "$include":
                        continue
                    d = dict(pv)
                    d.setdefault("profile", pname)
                    attrs[pk] = merge_attr(attrs.get(pk, {}), d)
        else:
            attrs[key] = merge_attr(attrs.get(key, {}), value)
    return attrs


def chain(root, spec, folder_of):
    specs = [spec]
    while specs[-1].get("extends") and specs[-1]["extends"] != "object":
        parent = specs[-1]["extends"]
        path = folder_of(parent)
        if path is None:
            break
        specs.append(load(root, path))
    return list(reversed(specs))


def resolve(root, spec, folder_of, dictionary):
    attrs = {}
    constraints = {}
    for s in chain(root, spec, folder_of):
        for k, v in own_attributes(root, s).items():
            attrs[k] = merge_attr(attrs.get(k, {}), v)
        constraints.update(s.get("constraints", {}))
    result = {}
    for name, local in sorted(attrs.items()):
        d = merge_attr(dictionary.get(name, {}), local)
        t = d.get("type", "string_t")
        entry = {
            "type": t,
            "is_array": bool(d.get("is_array", False)),
            "requirement": d.get("requirement", "optional"),
        }
        if d.get("profile"):
            entry["profile"] = d["profile"]
        if d.get("sibling"):
            entry["sibling"] = d["sibling"]
        if "@deprecated" in d:
            entry["deprecated_since"] = d["@deprecated"].get("since", "")
        if "enum" in d:
            entry["enum"] = {k: v.get("caption", "") for k, v in sorted(d["enum"].items(), key=lambda kv: int(kv[0]) if kv[0].lstrip("-").isdigit() else 0)}
        result[name] = entry
    return result, {k: sorted(v) for k, v in sorted(constraints.items())}


def main():
    root = sys.argv[1]
    dictionary_json = load(root, "dictionary.json")
    dictionary = dictionary_json["attributes"]
    categories = load(root, "categories.json")["attributes"]
    version = load(root, "version.json")["version"]

    def object_path(name):
        p = os.path.join("objects", name + ".json")
        return p if os.path.exists(os.path.join(root, p)) else None

    event_index = {}
    for dirpath, _, files in os.walk(os.path.join(root, "events")):
        for f in files:
            if f.endswith(".json"):
                spec = load(root, os.path.relpath(os.path.join(dirpath, f), root))
                event_index[spec.get("name", f[:-5])] = os.path.relpath(os.path.join(dirpath, f), root)

    types = {}
    observables = {}
    for name, t in sorted(dictionary_json["types"]["attributes"].items()):
        entry = {"base": t.get("type", name)}
        for k in ("regex", "range", "max_len"):
            if k in t:
                entry[k] = t[k]
        types[name] = entry
        if "observable" in t:
            observables[str(t["observable"])] = t.get("caption", name)
    for f in sorted(os.listdir(os.path.join(root, "objects"))):
        spec = load(root, os.path.join("objects", f))
        if "observable" in spec:
            observables[str(spec["observable"])] = spec.get("caption", spec.get("name"))
        for an, av in spec.get("attributes", {}).items():
            if isinstance(av, dict) and "observable" in av:
                observables[str(av["observable"])] = spec.get("caption", "") + ": " + dictionary.get(an, {}).get("caption", an)
    for an, av in dictionary.items():
        if "observable" in av:
            observables[str(av["observable"])] = av.get("caption", an)

    classes = {}
    for rel in CLASSES:
        spec = load(root, os.path.join("events", rel + ".json"))
        attrs, constraints = resolve(root, spec, lambda n: event_index.get(n), dictionary)
        category = categories[chain(root, spec, lambda n: event_index.get(n))[1].get("category") or spec.get("category")]
        class_uid = category["uid"] * 1000 + spec["uid"]
        attrs["class_uid"]["enum"] = {str(class_uid): spec["caption"]}
        attrs["category_uid"]["enum"] = {str(category["uid"]): category["caption"]}
        attrs["type_uid"]["enum"] = {
            str(class_uid * 100 + int(k)): spec["caption"] + ": " + v for k, v in attrs["activity_id"]["enum"].items()
        }
        classes[spec["name"]] = {
            "uid": class_uid,
            "caption": spec["caption"],
            "category_uid": category["uid"],
            "category_name": category["caption"],
            "attributes": attrs,
            "constraints": constraints,
        }

    objects = {}
    for name in OBJECTS:
        spec = load(root, object_path(name))
        attrs, constraints = resolve(root, spec, object_path, dictionary)
        if name == "observable":
            merged = dict(attrs["type_id"]["enum"])
            merged.update(observables)
            attrs["type_id"]["enum"] = {k: merged[k] for k in sorted(merged, key=int)}
        objects[name] = {"caption": spec["caption"], "attributes": attrs, "constraints": constraints}

    out = {
        "derived_from": "ocsf/ocsf-schema " + version + " (commit a5cfc68e3ca6d5b4468c33f8d7ebb76da967975f), Apache-2.0",
        "generator": "ocsf/tools/derive_schema_facts.py",
        "schema_version": version,
        "types": types,
        "classes": classes,
        "objects": objects,
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
