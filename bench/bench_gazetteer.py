"""Time the gazetteer: first load in this process, then the calls an extractor makes.

    .venv/bin/python bench/bench_gazetteer.py

Run it as its own process: the load figure is only meaningful cold.
"""
import sys
import time

start = time.perf_counter()
from kg.gazetteer import load_gazetteer  # noqa: E402

imported = time.perf_counter()
gazetteer = load_gazetteer()
loaded = time.perf_counter()


def per_call(label: str, call, repeat: int) -> None:
    t0 = time.perf_counter()
    for _ in range(repeat):
        call()
    micros = (time.perf_counter() - t0) / repeat * 1e6
    print(f"{label:<44} {micros:10.1f} µs/call", file=sys.stderr)


print(f"{'import kg.gazetteer':<44} {(imported - start) * 1e3:10.1f} ms", file=sys.stderr)
print(f"{'load_gazetteer() (first call)':<44} {(loaded - imported) * 1e3:10.1f} ms", file=sys.stderr)
print(f"{'divisions':<44} {len(gazetteer):10d}", file=sys.stderr)
per_call("lookup('东风路街道')", lambda: gazetteer.lookup("东风路街道"), 100_000)
per_call("lookup('常德', short=True)", lambda: gazetteer.lookup("常德", short=True), 100_000)
per_call("resolve('东风路街道', ['长沙市'])", lambda: gazetteer.resolve("东风路街道", ["长沙市"]), 10_000)
per_call("chain('长沙市望城区高塘岭街道')", lambda: gazetteer.chain("长沙市望城区高塘岭街道"), 10_000)
ARTICLE = ["长沙市", "开福区", "东风路街道", "城关镇", "西湖区", "朝阳区", "北京市", "新华街道", "湖南省"]
per_call(f"place({len(ARTICLE)} names)", lambda: gazetteer.place(ARTICLE), 1_000)
per_call("names()", gazetteer.names, 5)
