"""Train the small name model: `python -m nlp_models.train` (or `make nlp-model`).

A spaCy NER component (labels: PERSON) on the project's blank Dutch pipeline, trained on synthetic
posts from `nlp_models.synth` (no real posts). It is small (a narrow hash-embedding CNN) and is
saved to `nlp_models/data/name_model/`, from where `nlp_models.names` loads it. The filter uses it
only to decide the cases its rules leave open: a known first name that is also an ordinary word
with no name context ("ik ga met bas en roos naar het strand"), or an unknown capitalised word.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example

from nlp_models.engine import LANGUAGE
from nlp_models.spacy_components import TOKENIZER
from nlp_models.synth import name_examples

MODEL_PATH = Path(__file__).parent / "data" / "name_model"
MODEL_CONFIG = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 32,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 64,
        "depth": 2,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
    },
}


def train(
    n_examples: int = 6000, epochs: int = 8, seed: int = 0, path: Path = MODEL_PATH
) -> dict[str, float]:
    """Train and save the model; return its scores on held-back synthetic examples."""
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank(LANGUAGE, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    ner = nlp.add_pipe("ner", config={"model": MODEL_CONFIG})
    ner.add_label("PERSON")  # type: ignore[attr-defined]
    data = []
    for text, spans in name_examples(n_examples, seed=seed + 11):
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
        if any(ent is None for ent in ents):
            continue
        data.append(Example.from_dict(doc, {"entities": [(s, e, label) for s, e, label in spans]}))
    split = int(len(data) * 0.9)
    train_set, dev_set = data[:split], data[split:]
    optimizer = nlp.initialize(lambda: train_set)
    for epoch in range(epochs):
        random.shuffle(train_set)
        losses: dict[str, float] = {}
        start = time.perf_counter()
        for batch in spacy.util.minibatch(train_set, size=32):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.2)
        elapsed = time.perf_counter() - start
        print(f"epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0):.1f} ({elapsed:.1f} s)")
    scores = nlp.evaluate(dev_set)
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    result = {k: float(scores[k]) for k in ("ents_p", "ents_r", "ents_f")}
    print(
        f"saved to {path}: precision {result['ents_p']:.3f}, recall {result['ents_r']:.3f}, "
        f"F {result['ents_f']:.3f} (held-back synthetic examples)"
    )
    return result


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    train(n_examples=args[0] if args else 6000, epochs=args[1] if len(args) > 1 else 8)
