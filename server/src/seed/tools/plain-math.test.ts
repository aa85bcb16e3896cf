import { describe, expect, it } from 'vitest';
import { plainMath } from './plain-math';

describe('plainMath (LaTeX in ChinaXiv text → plain text)', () => {
  it('turns chemical formulae, ranges and Greek letters into what a reader types', () => {
    expect(plainMath('冰川作用区 $\\mathbf { C O } _ { 2 }$ 通量观测')).toBe('冰川作用区CO₂通量观测');
    expect(plainMath('水肥管理对稻田 $\\mathbf { C H _ { 4 } }$ 排放')).toBe('水肥管理对稻田CH₄排放');
    expect(plainMath('饲粮核黄素水平对 $1 5 { \\sim } 4 2$ 日龄北京鸭')).toBe('饲粮核黄素水平对15～42日龄北京鸭');
    expect(plainMath('基于随机无迹 $\\sigma$ 变异')).toBe('基于随机无迹σ变异');
    expect(plainMath('施氮 $3 0 \\mathrm { k g } \\cdot \\mathrm { h m } ^ { - 2 }$ 处理')).toBe('施氮30kg·hm⁻²处理');
  });

  it('keeps a script it cannot write as Unicode readable, and leaves text without formulae alone', () => {
    expect(plainMath('行星际磁场 $B _ { y }$ 分量')).toBe('行星际磁场B_y分量');
    expect(plainMath('Deep learning for $x$ ray images')).toBe('Deep learning for x ray images');
    expect(plainMath('价格 $5 万')).toBe('价格 $5 万');
    expect(plainMath('玉米秸秆制备聚乳酸')).toBe('玉米秸秆制备聚乳酸');
  });
});
