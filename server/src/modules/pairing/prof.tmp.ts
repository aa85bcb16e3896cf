import { benchGraph, benchInstance } from './bench-instance';
import { solveOptimalAssignment } from './assignment';
const g = benchGraph(benchInstance(13, 1000, 1000), { minScore: Number(process.argv[2] ?? 0), region: (process.argv[3] ?? 'anywhere') as 'anywhere' });
for (let k = 0; k < 12; k++) { const c0 = process.cpuUsage(); const t = performance.now(); const r = solveOptimalAssignment(g); const c = process.cpuUsage(c0); console.log((performance.now() - t).toFixed(1), ((c.user + c.system) / 1000).toFixed(1), r.total.toFixed(2)); }
