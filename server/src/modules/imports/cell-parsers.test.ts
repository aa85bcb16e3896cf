import { ACADEMIES, ACADEMY_LABELS, CARRIER_TYPE_INFO, CARRIER_TYPES, ORG_TYPES } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import {
  amount,
  amountOrNegotiable,
  cities,
  dateCell,
  disciplines,
  industries,
  ipCell,
  itemsCell,
  maturities,
  orgTypes,
  splitList,
  transferModes,
  trlCell,
} from './cell-parsers';
import { KIND_COLUMNS } from './import.columns';

describe('cell parsers', () => {
  it('suggest the nearest valid code for a name they do not know', () => {
    const industry = KIND_COLUMNS.results.parser('industry');
    expect(industry('汽车制照业', 'industry')).toEqual({
      error: { zh: '无法识别的行业“汽车制照业”，是否为“C36 汽车制造业”？', en: expect.stringContaining('did you mean "C36 ') },
    });
    expect(industries.nearest('汽车制造')?.code).toBe('C36'); // a name contained in a longer one
    expect(disciplines.nearest('计算机科学')?.code).toBe('520');
    expect(cities.nearest('长春是')?.code).toBe('220100');
    expect(industries.nearest('C37')?.code).toMatch(/^C3\d$/); // one typo in a code
    expect(industries.nearest('量子纠缠态制备')).toBeUndefined(); // nothing close: no guess
  });

  it('accept codes, Chinese names, English names, full-width text and "code name"', () => {
    expect(['520', '计算机科学技术', 'Computer science and technology', '520 计算机科学技术', '５２０'].map(disciplines)).toEqual(Array(5).fill('520'));
    expect(['C36', 'c36', '汽车制造业', 'C36 汽车制造业', 'C 汽车制造业', 'Ｃ３６'].map(industries)).toEqual(Array(6).fill('C36'));
    expect(industries('制造业')).toBe('C');
    expect([industries('Foo'), industries('C99'), disciplines('999')]).toEqual([undefined, undefined, undefined]);
    expect(['实验室', '小试', '中试', '产业化', 'pilot_small', '中试阶段'].map(maturities)).toEqual(['lab', 'pilot_small', 'pilot', 'industrial', 'pilot_small', 'pilot']);
    expect(['长春市', '长春', '220100', 'Changchun', '延边', '延边州', '延边朝鲜族自治州'].map(cities)).toEqual([...Array(4).fill('220100'), ...Array(3).fill('222400')]);
    expect(['高校', '高等院校', '科研院所', '企业', 'enterprise'].map(orgTypes)).toEqual(['university', 'university', 'institute', 'enterprise', 'enterprise']);
    expect(transferModes('作价入股')).toBe('equity');
  });

  it('know every org type, carrier type and academy by its code and names (session 7 added financial)', () => {
    expect(ORG_TYPES.map(orgTypes)).toEqual([...ORG_TYPES]);
    expect(['金融机构', 'Financial institution', '银行', '投资机构'].map(orgTypes)).toEqual(Array(4).fill('financial'));
    const carrierType = KIND_COLUMNS.carriers.parser('type');
    const academy = KIND_COLUMNS.carriers.parser('academy');
    for (const code of CARRIER_TYPES) {
      expect([code, CARRIER_TYPE_INFO[code].zh, CARRIER_TYPE_INFO[code].en].map((t) => carrierType(t, 'type'))).toEqual(Array(3).fill({ set: [['type', code]] }));
    }
    for (const code of ACADEMIES) {
      expect(academy(ACADEMY_LABELS[code].zh, 'academy')).toEqual({ set: [['academy', code]] });
    }
  });

  it('split lists on ；;,，、 and line breaks', () => {
    expect(splitList('a；b;c,d，e、f\ng  ;; ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('read amounts in yuan and 面议', () => {
    expect(['800000', '800,000元', '¥80万', '80 万元', '１２３', '1.5万'].map(amount)).toEqual([800000, 800000, 800000, 800000, 123, 15000]);
    expect(amount('很贵')).toBeUndefined();
    expect(amountOrNegotiable('面议', 'price')).toEqual({ set: [['negotiable', true]] });
    expect(amountOrNegotiable('80万', 'budgetMax')).toEqual({ set: [['budgetMax', 800000]] });
    expect(amountOrNegotiable('abc', 'price')).toMatchObject({ error: { zh: expect.stringContaining('面议') } });
  });

  it('read TRL, dates, IP titles and item lists', () => {
    expect(trlCell('TRL 6', 'trl')).toEqual({ set: [['trl', 6]] });
    expect(dateCell('2099年1月5日', 'deadline')).toEqual({ set: [['deadline', '2099-01-05']] });
    expect(dateCell('2099/12/31', 'deadline')).toEqual({ set: [['deadline', '2099-12-31']] });
    expect(ipCell('发明专利|ZL201410345054.1|已授权；技术秘密；软著|2019SR0123456|申请中', 'ip')).toEqual({
      set: [['ip', { items: [
        { type: 'invention', number: 'ZL201410345054.1', status: 'granted' },
        { type: 'know_how', status: 'none' },
        { type: 'software', number: '2019SR0123456', status: 'pending' },
      ] }]],
    });
    expect(ipCell('专利权|1|已授权', 'ip')).toMatchObject({ error: { zh: '无法识别的知识产权类型“专利权”' } });
    expect(itemsCell(['name', 'role'])('王教授｜负责人；李博士', 'team')).toEqual({ set: [['team', [{ name: '王教授', role: '负责人' }, { name: '李博士' }]]] });
  });

  it('match headers by Chinese label, English label, field name or alias, ignoring width, spaces and *', () => {
    const kc = KIND_COLUMNS.results;
    expect(['价格（元）', '价格(元)', '价格', 'price', 'Price (yuan)', '*价格（元）'].map((h) => kc.byHeader(h)?.key)).toEqual(Array(6).fill('price'));
    expect(['联系电话', 'contact.phone'].map((h) => kc.byHeader(h)?.key)).toEqual(['contact.phone', 'contact.phone']);
    expect(kc.byHeader('序号')).toBeUndefined();
    expect(kc.forPath(['ip', 'items', 0, 'number'])?.key).toBe('ip');
    expect(kc.forPath(['contact'])?.key).toBe('contact.name');
    expect(kc.forPath(['negotiable'])?.key).toBe('price');
    expect(KIND_COLUMNS.needs.forPath(['negotiable'])?.key).toBe('budgetMin');
  });
});
