"""Log two MLflow traces through the tracing API, one of them with attachments.

The `describe` span returns an image and a text Attachment (MLflow uploads them and leaves
reference URIs in the span outputs); the `echo` trace has none. Both go to the experiment named
by argv[1] (default "multimodal-agent"). Prints one JSON line:
{"attached": <trace id>, "plain": <trace id>, "image": <attachment id>, "note": <attachment id>}.
"""

import json
import sys

import mlflow
from mlflow.tracing.attachments import Attachment

PNG_BYTES = bytes.fromhex("89504e470d0a1a0a") + b"fake-png-pixels"


def main() -> int:
    mlflow.set_experiment(sys.argv[1] if len(sys.argv) > 1 else "multimodal-agent")
    image = Attachment(content_type="image/png", content_bytes=PNG_BYTES)
    note = Attachment(content_type="text/plain", content_bytes=b"The cat sits on the mat.")

    @mlflow.trace
    def describe(prompt):
        return {"image": image, "caption": note}

    @mlflow.trace
    def echo(prompt):
        return prompt

    describe("draw a cat")
    attached = mlflow.get_last_active_trace_id()
    echo("plain text only")
    plain = mlflow.get_last_active_trace_id()
    mlflow.flush_trace_async_logging()
    print(json.dumps({"attached": attached, "plain": plain, "image": image.id, "note": note.id}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
