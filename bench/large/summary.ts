import type { SizeResult } from './measureSize'

/** The Markdown table (and notes) printed after the JSON lines. */
export function summary(results: SizeResult[]): string {
  const cell = (v: number | null | undefined, unit = '') =>
    v === null || v === undefined ? '–' : `${v}${unit}`
  const lines = [
    '',
    '| Size | Status | First screen | Pretty done | Floor (parse+stringify) | Pretty / floor | Longest UI task | Long tasks (total) | Renderer peak RSS (before) | RSS / body (growth / body) | Renderer peak JS heap (before) | Heap growth / body | Node peak RSS (before) | Node growth / body |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    lines.push(
      `| ${r.sizeMB} MB | ${r.status} | ${cell(r.firstScreenMs, ' ms')} | ${cell(r.prettyDoneMs, ' ms')} | ` +
        `${r.floorMs} ms (${r.floorParseMs}+${r.floorStringifyMs}) | ${cell(r.prettyOverFloor, 'x')} | ` +
        `${cell(r.maxLongTaskMs, ' ms')} | ${r.longTasks} (${r.longTaskTotalMs} ms) | ` +
        `${cell(r.rendererPeakRssMB, ' MB')} (${cell(r.rendererRssBeforeMB)}) | ` +
        `${cell(r.rendererRssOverBody, 'x')} (${cell(r.rendererRssGrowthOverBody, 'x')}) | ` +
        `${cell(r.rendererPeakJsHeapMB, ' MB')} (${cell(r.rendererJsHeapBeforeMB)}) | ${cell(r.rendererHeapGrowthOverBody, 'x')} | ` +
        `${cell(r.nodePeakRssMB, ' MB')} (${cell(r.nodeRssBeforeMB)}) | ${cell(r.nodeRssGrowthOverBody, 'x')} |`,
    )
  }
  const notes = results.filter((r) => r.note).map((r) => `- ${r.sizeMB} MB: ${r.note}`)
  if (notes.length > 0) lines.push('', ...notes)
  lines.push(
    '',
    'Targets: first screen of 100 MB < 1000 ms; longest UI task < 100 ms; Pretty / floor < 2x; renderer RSS growth / body < 3x (budgets: the JSON lines after the table).',
  )
  return lines.join('\n')
}
