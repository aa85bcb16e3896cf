import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LISTING_LIMITS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGS, RESEARCH_ORGS } from './demo-orgs';
import { assignInstitution, FLAGSHIP_TOPICS } from './jilin-institutions';

const paper = (title: string, keywords: string[], clc: string | null = null, abstract = '') => ({ id: title, title, keywords, abstract, clc });

describe('assigning papers to Jilin institutions by field', () => {
  it('gives each flagship field to an institution that works in it', () => {
    expect(assignInstitution(paper('林下参内生真菌对人参病原真菌的抑制作用', ['林下参', '人参病原菌']))?.org).toBe('吉林农业大学');
    expect(assignInstitution(paper('玉米淀粉发酵制备燃料乙醇工艺', ['玉米淀粉', '燃料乙醇']))?.org).toBe('吉林农业大学');
    expect(assignInstitution(paper('高强度碳纤维原丝的制备', ['碳纤维', '原丝']))?.org).toBe('中国科学院长春应用化学研究所');
    expect(assignInstitution(paper('电动汽车整车控制器设计', ['电动汽车', '整车控制']))?.org).toBe('吉林大学');
    expect(assignInstitution(paper('风电场短期功率预测', ['风电', '功率预测'], 'TM614'))?.org).toBe('东北电力大学');
    expect(['中国科学院长春光学精密机械与物理研究所', '长春理工大学']).toContain(assignInstitution(paper('空间相机激光通信终端', ['激光通信']))?.org);
    expect(assignInstitution(paper('长白山苔原植物群落', ['长白山', '苔原']))?.org).toBe('延边大学');
  });

  it('leaves out papers about other regions, papers in no Jilin field, and what is not a result', () => {
    expect(assignInstitution(paper('云南西双版纳蚂蚁群落多样性调查', ['蚂蚁', '物种多样性'], 'Q968', '在云南省…'))).toBeNull();
    expect(assignInstitution(paper('宋代诗词中的意象研究', ['宋词', '意象'], 'I207'))).toBeNull();
    expect(assignInstitution(paper('耳穴贴压治疗1例术后恶心患者的护理体会', ['耳穴', '护理'], 'R47'))).toBeNull();
    expect(assignInstitution(paper('深度学习在图像识别中的研究进展', ['深度学习'], 'TP391'))).toBeNull();
  });
});

describe('the committed demo results', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const rows = gunzipSync(readFileSync(join(here, 'data/chinaxiv-results.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { org: string; owner: string; publishedOn: string; input: { title: string; keywords: string[]; summary: string } });
  const research = new Set(RESEARCH_ORGS.map((i) => DEMO_ORGS[i]!.name));

  it('belong to Jilin research organisations, none about another region', () => {
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    for (const r of rows) {
      expect(research, r.org).toContain(r.org);
      expect(`${r.input.title} ${r.input.summary}`, r.input.title).not.toMatch(/云南|广西|新疆|西藏|海南|四川|广东/);
    }
    expect(new Set(rows.map((r) => r.org)).size).toBe(research.size);
  });

  it("show every one of Jilin's flagship topics", () => {
    for (const [name, re] of FLAGSHIP_TOPICS) {
      expect(rows.some((r) => re.test(`${r.input.title} ${r.input.keywords.join(' ')}`)), name).toBe(true);
    }
  });

  it('spread their publication dates over 2023–2026', () => {
    const years = new Map<string, number>();
    rows.forEach((r) => years.set(r.publishedOn.slice(0, 4), (years.get(r.publishedOn.slice(0, 4)) ?? 0) + 1));
    expect([...years.keys()].sort()).toEqual(['2023', '2024', '2025', '2026']);
    for (const n of years.values()) {
      expect(n).toBeGreaterThan(rows.length / 8);
    }
  });

  it('keep keywords whole: the authors\' own, none split inside an English term', () => {
    for (const r of rows) {
      expect(r.input.keywords.length).toBeGreaterThan(0);
      expect(r.input.keywords.length).toBeLessThanOrEqual(LISTING_LIMITS.keywordsMax);
    }
    expect(rows.some((r) => r.input.keywords.some((k) => /^[A-Za-z][\w-]* [\u4e00-\u9fa5]/.test(k)))).toBe(true);
  });

  it('give the demo researcher and commissioner results in their own fields', () => {
    const mine = rows.filter((r) => r.owner === 'researcher');
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((r) => r.org === '吉林大学' && /汽车|车辆|车载|发动机|底盘|驾驶/.test(`${r.input.title} ${r.input.keywords.join(' ')}`))).toBe(true);
    expect(rows.filter((r) => r.owner === 'commissioner').every((r) => r.org === '中国科学院长春应用化学研究所')).toBe(true);
  });
});
