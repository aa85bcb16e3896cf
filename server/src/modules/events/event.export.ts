/** The organiser's schedule as an XLSX workbook: one row per meeting in slot and table order. */
import { excel } from '../../lib/excel';
import type { EventRecord, MeetingRecord } from './event.model';
import { eventSlots } from './event.slots';

const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function scheduleWorkbook(e: EventRecord, meetings: MeetingRecord[]): Promise<Buffer> {
  const slots = eventSlots(e);
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const ws = wb.addWorksheet('洽谈日程 Schedule', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['开始 Start', '结束 End', '洽谈桌 Table', '企业 Enterprise', '成果方 Presenter', '成果 Result']).font = { bold: true };
  for (const m of [...meetings].sort((a, b) => a.slot - b.slot || a.table - b.table)) {
    const s = slots[m.slot];
    ws.addRow([s ? local(s.start) : '', s ? local(s.end) : '', m.table, m.enterpriseName, m.presenterName, m.resultTitle]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i >= 3 ? 32 : 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
