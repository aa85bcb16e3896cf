"""Solves a capacity-expanded pairing matrix with scipy.optimize.linear_sum_assignment, for bench:pairing.

argv: matrix file (float64, row-major), rows, columns, real slot columns, forbidden value, repeats.
Prints one JSON line: the solve times (ms, wall clock and CPU), the total over real slots, how many pairs were assigned,
and how many forbidden entries were used (must be 0).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, cols, slots, forbidden, repeats = sys.argv[1:7]
rows, cols, slots, repeats = int(rows), int(cols), int(slots), int(repeats)
forbidden = float(forbidden)
m = np.fromfile(path, dtype="<f8").reshape(rows, cols)
times = []
cpu = []
for _ in range(repeats):
    t0 = time.perf_counter()
    c0 = time.process_time()
    r, c = linear_sum_assignment(m, maximize=True)
    cpu.append((time.process_time() - c0) * 1000)
    times.append((time.perf_counter() - t0) * 1000)
real = c < slots
values = m[r[real], c[real]]
used_forbidden = int(np.sum(values == forbidden))
total = float(np.sum(values[values != forbidden]))
print(json.dumps({"ms": times, "cpuMs": cpu, "total": total, "assigned": int(np.sum(real)) - used_forbidden, "forbiddenUsed": used_forbidden}))
