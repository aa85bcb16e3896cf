/**
 * The draft of a deal's technology contract as a Word document: the parties (name, credit code,
 * blanks for the address), the subject (the listing's title and summary), type, amount and payment
 * terms when recorded, and the standard clauses of a Chinese technology contract (民法典 技术合同)
 * with blanks to complete offline. `docx` is loaded on first use (only this download needs it).
 */
import { contractTypeLabel, paymentKindLabel, type ContractType, type DealParty } from '@kezhuan/shared';
import type { DealRoomRecord } from '../deals/deal.model';
import { partyOrgs } from '../deals/deal.policy';
import { TechNeedModel } from '../needs/need.model';
import { ResearchResultModel } from '../results/result.model';
import type { ContractRecord } from './contract.model';
import { loadOrgFacts } from './contract.presenter';

const BLANK = '________________';

/** How the Civil Code names the principals of each kind of contract: [demand side, supply side]. */
const ROLE_NAMES: Record<ContractType, [string, string]> = {
  development: ['委托方', '研究开发方'],
  transfer: ['受让方', '让与方'],
  licence: ['被许可方', '许可方'],
  consulting: ['委托方', '受托方'],
  service: ['委托方', '受托方'],
};
const PARTY_TITLES: Record<DealParty, string> = { demand: '甲方', supply: '乙方', intermediary: '丙方（中介方）' };

/** The clauses of the model contract, in order; the subject, the price and the rest are filled where known. */
const CLAUSES = [
  '项目名称',
  '标的技术的内容、范围和要求',
  '履行的计划、进度、期限、地点、地域和方式',
  '技术情报和资料的保密',
  '风险责任的承担',
  '技术成果的归属和收益的分成办法',
  '验收标准和方法',
  '价款、报酬或者使用费及其支付方式',
  '违约金或者损失赔偿的计算方法',
  '争议的解决方法',
  '名词和术语的解释',
] as const;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

async function listingSummary(room: DealRoomRecord): Promise<string> {
  if (room.listing.kind === 'result') {
    const r = await ResearchResultModel.findById(room.listing.id, { summary: 1 }).lean();
    return r?.summary ?? '';
  }
  const n = await TechNeedModel.findById(room.listing.id, { problem: 1, desiredOutcome: 1 }).lean();
  return n ? `${n.problem}\n${n.desiredOutcome}` : '';
}

/** Amount written as the contract writes it: ¥ with thousands separators and two decimals. */
export function yuanText(amount: number): string {
  return `人民币 ¥${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

export async function contractDocx(room: DealRoomRecord, contract: ContractRecord | null): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const orgs = await loadOrgFacts(partyOrgs(room).map(([, id]) => id));
  const summary = await listingSummary(room);
  const title = contract?.listings[0]?.title ?? room.listing.title;
  const roles = contract ? ROLE_NAMES[contract.type] : null;

  const p = (text: string, opts: { bold?: boolean; indent?: boolean } = {}) =>
    new Paragraph({ children: [new TextRun({ text, bold: opts.bold, font: 'SimSun', size: 24 })], indent: opts.indent ? { firstLine: 480 } : undefined, spacing: { after: 120 } });
  const heading = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true, font: 'SimHei', size: 26 })], heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
  const blanks = (n = 3) => Array.from({ length: n }, () => p(BLANK.repeat(3)));

  const parties = partyOrgs(room).flatMap(([party, id]) => {
    const o = orgs.get(String(id));
    const role = roles && party !== 'intermediary' ? `（${party === 'demand' ? roles[0] : roles[1]}）` : '';
    return [
      p(`${PARTY_TITLES[party]}${role}：${o?.name ?? BLANK}`, { bold: true }),
      p(`统一社会信用代码：${o?.uscc ?? BLANK}`),
      p(`住所（通讯地址）：${BLANK}${BLANK}`),
      p(`法定代表人：${BLANK}    联系人及电话：${BLANK}`),
    ];
  });

  // The subject and the price are filled from the room and the contract; every other clause is left blank.
  const price = contract
    ? [
        p(`合同价款：${yuanText(contract.amount)}（大写：${BLANK}）`, { indent: true }),
        p(`支付方式：${paymentKindLabel(contract.payment.kind, 'zh')}`, { indent: true }),
        ...(contract.payment.text ? [p(`支付安排：${contract.payment.text}`, { indent: true })] : []),
      ]
    : [p(`合同价款：人民币 ${BLANK} 元（大写：${BLANK}）`, { indent: true }), p(`支付方式：${BLANK}`, { indent: true })];
  const filled: Partial<Record<(typeof CLAUSES)[number], InstanceType<typeof Paragraph>[]>> = {
    项目名称: [p(title, { indent: true })],
    '标的技术的内容、范围和要求': [...summary.split('\n').filter(Boolean).map((line) => p(line, { indent: true })), p('具体内容、范围和技术指标（由双方补充）：'), ...blanks()],
    '价款、报酬或者使用费及其支付方式': price,
  };
  const clauseBody = (c: (typeof CLAUSES)[number]) => filled[c] ?? blanks();

  const doc = new Document({
    creator: '科转 Kezhuan',
    title: `${title} — 技术合同（草稿）`,
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: `${contract ? contractTypeLabel(contract.type, 'zh') : '技术'}合同（草稿）`, bold: true, font: 'SimHei', size: 36 })], alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
          p(`项目名称：${title}`, { bold: true }),
          p(`合同类型：${contract ? contractTypeLabel(contract.type, 'zh') : BLANK}    签订日期：${contract?.signedOn ?? BLANK}    签订地点：${BLANK}`),
          p('本草稿由科转平台根据洽谈室信息生成，空白处请双方协商后线下填写，不构成已生效的合同。'),
          ...parties,
          p('依据《中华人民共和国民法典》的规定，合同各方经协商一致，签订本合同。', { indent: true }),
          ...CLAUSES.flatMap((c, i) => [heading(`${NUMERALS[i]}、${c}`), ...clauseBody(c)]),
          heading('签署'),
          ...partyOrgs(room).map(([party, id]) => p(`${PARTY_TITLES[party]}：${orgs.get(String(id))?.name ?? BLANK}（盖章）    法定代表人/委托代理人（签字）：${BLANK}    日期：${BLANK}`)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
