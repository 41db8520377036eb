"""The sentence encoder's graph with fewer nodes and the same arithmetic.

    python training/encoder_graph.py src/reportedly/data/models/sentence-encoder \
        --check-texts ../shared/data/conflibert/cameo_class/test.tsv

``training/export_encoder.py`` runs :func:`fewer_nodes` on the model it writes; run alone,
this rewrites an exported encoder's ``model.int8.onnx`` in place (onnx and onnxruntime
only, no PyTorch), after checking that every check text embeds to the same bits alone and in
batches. A run of the encoder on a document's few statements is mostly the cost of its
nodes, not of their arithmetic: the export left each per-piece product its own zero point
(a Shape and a ConstantOfShape each) and the attention's reshapes their shapes computed
from their inputs' (Shape, Gather, Unsqueeze, Concat), some 180 nodes a run did not need.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

from reportedly.nlp.encoder import MODEL_FILE, SentenceEncoder

# Inputs of different batch sizes and lengths, each dimension varying on its own: a computed
# shape's entry that follows an input dimension in all of them copies it.
PROBES = ((2, 5), (3, 7), (1, 11))
INT64 = onnx.TensorProto.INT64


def fewer_nodes(model: onnx.ModelProto) -> onnx.ModelProto:
    """``model`` with one zero point for all per-piece quantisations (they all have a row a
    piece) and every reshape to a computed shape given that shape as a constant (0 where it
    copies the input's dimension, -1 for the one entry it infers), then without the nodes
    nothing reads any more. The arithmetic nodes are untouched, so the vectors are the same
    to the bit (:func:`same_bits` checks it)."""
    graph = model.graph
    zero_points = [
        node
        for node in graph.node
        if node.op_type == "ConstantOfShape" and node.output[0].endswith("_per_piece_zero_point")
    ]
    shared = {node.output[0]: zero_points[0].output[0] for node in zero_points[1:]}
    for node in graph.node:
        node.input[:] = [shared.get(name, name) for name in node.input]
    initialisers = {tensor.name for tensor in graph.initializer}
    computed = [
        node for node in graph.node if node.op_type == "Reshape" and node.input[1] not in initialisers
    ]
    shapes, inputs = _probe(model, computed)
    for node in computed:
        constant = _constant_shape(shapes[node.input[1]], inputs[node.input[0]])
        if constant is None:  # a product's rows back as batch x pieces x width: not one input's
            continue
        name = f"{node.output[0]}_shape"
        graph.initializer.append(numpy_helper.from_array(np.array(constant, np.int64), name))
        node.input[1] = name
    _drop_unread(graph)
    return model


def _probe(
    model: onnx.ModelProto, reshapes: list[onnx.NodeProto]
) -> tuple[dict[str, list[list[int]]], dict[str, list[list[int]]]]:
    """The shapes ``reshapes`` are given and the shapes of their inputs, for each probe input."""
    import onnxruntime

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    shape_names = sorted({node.input[1] for node in reshapes})
    data_names = sorted({node.input[0] for node in reshapes})
    probe.graph.node.extend(helper.make_node("Shape", [name], [f"{name}_probed"]) for name in data_names)
    outputs = shape_names + [f"{name}_probed" for name in data_names]
    probe.graph.output.extend(helper.make_tensor_value_info(name, INT64, None) for name in outputs)
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        probe.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    values: dict[str, list[list[int]]] = {name: [] for name in shape_names + data_names}
    for batch, pieces in PROBES:
        ids = np.full((batch, pieces), 1000, np.int64)
        found = session.run(outputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        for name, value in zip(shape_names + data_names, found, strict=True):
            values[name].append([int(entry) for entry in value])
    return {name: values[name] for name in shape_names}, {name: values[name] for name in data_names}


def _constant_shape(shapes: list[list[int]], inputs: list[list[int]]) -> list[int] | None:
    """The constant that gives these shapes from inputs of these shapes (probe by probe), or
    None: an entry the same in every probe stays, one that is the input's dimension at its
    place copies it (0), and one other is inferred (-1)."""
    constant = []
    for place, entries in enumerate(zip(*shapes, strict=True)):
        if len(set(entries)) == 1 and entries[0] > 0:
            constant.append(entries[0])
        elif all(
            place < len(shape) and shape[place] == entry for shape, entry in zip(inputs, entries, strict=True)
        ):
            constant.append(0)
        else:
            constant.append(-1)
    return constant if constant.count(-1) <= 1 else None


def _drop_unread(graph: onnx.GraphProto) -> None:
    """The graph without the nodes and initialisers that no output depends on."""
    needed = {output.name for output in graph.output}
    kept = []
    for node in reversed(graph.node):
        if any(name in needed for name in node.output):
            kept.append(node)
            needed |= set(node.input)
    del graph.node[:]
    graph.node.extend(reversed(kept))
    initialisers = [tensor for tensor in graph.initializer if tensor.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(initialisers)


def same_bits(before: SentenceEncoder, after: SentenceEncoder, texts: list[str]) -> bool:
    """Whether the two encoders give these texts the same vectors to the bit, each alone and
    all in the runs a document's statements take."""
    together = np.array_equal(before.run(_ids(before, texts)), after.run(_ids(after, texts)))
    return together and all(
        np.array_equal(before.run(_ids(before, [text])), after.run(_ids(after, [text]))) for text in texts
    )


def read_texts(path: Path, limit: int) -> list[str]:
    """The first column of a TSV (ConfliBERT) or the lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0].strip() for line in lines if line.strip()][:limit]


def _ids(encoder: SentenceEncoder, texts: list[str]) -> list[list[int]]:
    return [encoder.piece_ids(text) for text in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="an exported encoder's folder")
    parser.add_argument("--check-texts", type=Path, required=True, help="texts that must embed alike")
    parser.add_argument("--check-count", type=int, default=300)
    args = parser.parse_args()
    path = args.folder / MODEL_FILE
    model = onnx.load(path)
    nodes = len(model.graph.node)
    rewritten = args.folder / f"{MODEL_FILE}.rewritten"
    onnx.save(fewer_nodes(model), rewritten)
    texts = read_texts(args.check_texts, args.check_count)
    same = same_bits(SentenceEncoder(args.folder), SentenceEncoder(args.folder, rewritten.name), texts)
    if not same:
        rewritten.unlink()
        sys.exit(f"not rewritten: the {len(texts)} check texts embed otherwise")
    rewritten.replace(path)
    print(f"{path}: {nodes} -> {len(model.graph.node)} nodes, {len(texts)} check texts the same to the bit")


if __name__ == "__main__":
    main()
