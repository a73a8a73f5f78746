"""Validates an exported CIT Studio archive with Python's own readers (zipfile, json, PIL):
every record parses, every image opens, counts and hashes match the manifest, and every
training row points at an image in the archive. Usage: /usr/bin/python3 check_archive.py ZIP"""
import hashlib
import io
import json
import sys
import zipfile

from PIL import Image


def fail(message: str) -> None:
    print(f"FAIL: {message}")
    sys.exit(1)


def main() -> None:
    with zipfile.ZipFile(sys.argv[1]) as archive:
        bad = archive.testzip()
        if bad is not None:
            fail(f"{bad} fails its CRC")
        names = set(archive.namelist())
        for name in names:
            if name.startswith("/") or ".." in name.split("/") or "\\" in name:
                fail(f"unsafe path {name}")

        def text(name: str) -> str:
            return archive.read(name).decode("utf-8")

        manifest = json.loads(text("manifest.json"))
        if manifest["format"] != "cit-studio-dataset":
            fail("manifest names another format")
        charts = [json.loads(line) for line in text("charts.jsonl").splitlines()]
        qa = [json.loads(line) for line in text("qa.jsonl").splitlines()]
        counts = manifest["counts"]
        if counts["charts"] != len(charts) or counts["qa"] != len(qa):
            fail(f"counts {counts} do not match {len(charts)} charts, {len(qa)} Q&A")
        chart_ids = {chart["id"] for chart in charts}
        if len(chart_ids) != len(charts):
            fail("duplicate chart ids")
        for item in qa:
            if item["chartId"] not in chart_ids:
                fail(f"Q&A {item['id']} points at a missing chart")

        hashes = {image["path"]: image["sha256"] for image in manifest["images"]}
        if len(hashes) != counts["images"]:
            fail("manifest image count differs")
        for chart in charts:
            path = chart["image"]["path"]
            data = archive.read(path)
            if hashlib.sha256(data).hexdigest() != hashes[path]:
                fail(f"{path} sha256 differs from the manifest")
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                if image.format != "PNG":
                    fail(f"{path} is {image.format}, not PNG")
                if image.size != (chart["image"]["width"], chart["image"]["height"]):
                    fail(f"{path} is {image.size}, the record says {chart['image']}")
            if text(f"code/{path[len('images/'):-len('.png')]}.py") != chart["code"]:
                fail(f"code file of {chart['id']} differs from its record")

        llava = json.loads(text("llava.json"))
        sharegpt = json.loads(text("sharegpt.json"))
        metadata = [json.loads(line) for line in text("metadata.jsonl").splitlines()]
        info = json.loads(text("dataset_info.json"))
        if len(llava) != len(qa) or len(sharegpt) != len(qa) or len(metadata) != len(charts):
            fail("training formats have the wrong number of rows")
        for row in llava:
            if row["image"] not in names or not row["conversations"][0]["value"].startswith("<image>\n"):
                fail(f"bad LLaVA row {row['id']}")
        for row in sharegpt:
            if any(image not in names for image in row["images"]):
                fail("ShareGPT row points at a missing image")
            if row["messages"][0]["content"].count("<image>") != len(row["images"]):
                fail("ShareGPT row has a different number of <image> tags and images")
        for row in metadata:
            if row["file_name"] not in names or len(row["questions"]) != len(row["answers"]):
                fail(f"bad metadata row {row['file_name']}")
        for entry in info.values():
            if entry["file_name"] not in names or entry["formatting"] != "sharegpt":
                fail("dataset_info.json does not point at sharegpt.json")
        print(
            f"OK: {len(charts)} charts, {len(qa)} Q&A, {len(llava)} LLaVA rows, "
            f"{len(sharegpt)} ShareGPT rows, {len(metadata)} metadata rows, {len(names)} files"
        )


if __name__ == "__main__":
    main()
