import type { CityCode } from '../constants';

/** Kind of a county-level division (GB/T 2260): 市辖区, 县级市, 县, 自治县. */
export const COUNTY_KINDS = ['district', 'county_city', 'county', 'autonomous_county'] as const;
export type CountyKind = (typeof COUNTY_KINDS)[number];

/** A seat's position, WGS84 degrees (2 decimals, about 1 km: enough for travel distances between seats). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface CountyDivision extends GeoPoint {
  /** GB/T 2260 code (6 digits); its first 4 digits are its prefecture's code prefix. */
  code: string;
  city: CityCode;
  zh: string;
  en: string;
  kind: CountyKind;
}

/**
 * Seats of Jilin's 9 prefecture-level divisions (the city government, or 延吉 for 延边州), by the codes in
 * `CITIES`. Typed as a record over `CityCode`, so a city added there without a seat fails to compile.
 */
export const CITY_SEATS: Readonly<Record<CityCode, GeoPoint>> = {
  '220100': { lat: 43.82, lon: 125.32 },
  '220200': { lat: 43.84, lon: 126.55 },
  '220300': { lat: 43.17, lon: 124.35 },
  '220400': { lat: 42.89, lon: 125.14 },
  '220500': { lat: 41.73, lon: 125.94 },
  '220600': { lat: 41.94, lon: 126.42 },
  '220700': { lat: 45.14, lon: 124.83 },
  '220800': { lat: 45.62, lon: 122.84 },
  '222400': { lat: 42.89, lon: 129.51 },
};

const d = (
  code: string,
  city: CityCode,
  zh: string,
  en: string,
  kind: CountyKind,
  lat: number,
  lon: number,
): CountyDivision => ({ code, city, zh, en, kind, lat, lon });

/**
 * Jilin's 60 county-level divisions as of the 2020 transfer of 公主岭 from 四平 to 长春 (code 220381 → 220184):
 * 21 districts, 20 county-level cities, 16 counties and 3 autonomous counties, with their seats.
 *
 * Not included: 长白山保护开发区 (the Changbai Mountain protection and development zone) is a provincial
 * management zone, not a division in GB/T 2260; its territory (池北, 池西, 池南) still belongs statistically to
 * 安图, 抚松 and 长白, so a request there is filed under one of those counties. Development zones with
 * statistical codes (e.g. 长春新区, 220171–220174) are likewise not administrative divisions.
 */
export const COUNTIES: readonly CountyDivision[] = [
  // 长春市
  d('220102', '220100', '南关区', 'Nanguan District', 'district', 43.86, 125.35),
  d('220103', '220100', '宽城区', 'Kuancheng District', 'district', 43.94, 125.33),
  d('220104', '220100', '朝阳区', 'Chaoyang District', 'district', 43.83, 125.29),
  d('220105', '220100', '二道区', 'Erdao District', 'district', 43.87, 125.37),
  d('220106', '220100', '绿园区', 'Lüyuan District', 'district', 43.88, 125.26),
  d('220112', '220100', '双阳区', 'Shuangyang District', 'district', 43.52, 125.66),
  d('220113', '220100', '九台区', 'Jiutai District', 'district', 44.15, 125.84),
  d('220122', '220100', '农安县', "Nong'an County", 'county', 44.43, 125.18),
  d('220182', '220100', '榆树市', 'Yushu City', 'county_city', 44.84, 126.53),
  d('220183', '220100', '德惠市', 'Dehui City', 'county_city', 44.54, 125.70),
  d('220184', '220100', '公主岭市', 'Gongzhuling City', 'county_city', 43.50, 124.82),
  // 吉林市
  d('220202', '220200', '昌邑区', 'Changyi District', 'district', 43.88, 126.57),
  d('220203', '220200', '龙潭区', 'Longtan District', 'district', 43.91, 126.56),
  d('220204', '220200', '船营区', 'Chuanying District', 'district', 43.83, 126.54),
  d('220211', '220200', '丰满区', 'Fengman District', 'district', 43.82, 126.56),
  d('220221', '220200', '永吉县', 'Yongji County', 'county', 43.67, 126.50),
  d('220281', '220200', '蛟河市', 'Jiaohe City', 'county_city', 43.72, 127.34),
  d('220282', '220200', '桦甸市', 'Huadian City', 'county_city', 42.97, 126.75),
  d('220283', '220200', '舒兰市', 'Shulan City', 'county_city', 44.41, 126.95),
  d('220284', '220200', '磐石市', 'Panshi City', 'county_city', 42.95, 126.06),
  // 四平市
  d('220302', '220300', '铁西区', 'Tiexi District', 'district', 43.15, 124.34),
  d('220303', '220300', '铁东区', 'Tiedong District', 'district', 43.16, 124.41),
  d('220322', '220300', '梨树县', 'Lishu County', 'county', 43.31, 124.34),
  d('220323', '220300', '伊通满族自治县', 'Yitong Manchu Autonomous County', 'autonomous_county', 43.35, 125.30),
  d('220382', '220300', '双辽市', 'Shuangliao City', 'county_city', 43.52, 123.50),
  // 辽源市
  d('220402', '220400', '龙山区', 'Longshan District', 'district', 42.90, 125.14),
  d('220403', '220400', '西安区', "Xi'an District", 'district', 42.93, 125.15),
  d('220421', '220400', '东丰县', 'Dongfeng County', 'county', 42.68, 125.53),
  d('220422', '220400', '东辽县', 'Dongliao County', 'county', 42.93, 125.01),
  // 通化市
  d('220502', '220500', '东昌区', 'Dongchang District', 'district', 41.73, 125.96),
  d('220503', '220500', '二道江区', 'Erdaojiang District', 'district', 41.78, 126.04),
  d('220521', '220500', '通化县', 'Tonghua County', 'county', 41.68, 125.76),
  d('220523', '220500', '辉南县', 'Huinan County', 'county', 42.68, 126.05),
  d('220524', '220500', '柳河县', 'Liuhe County', 'county', 42.28, 125.74),
  d('220581', '220500', '梅河口市', 'Meihekou City', 'county_city', 42.54, 125.71),
  d('220582', '220500', '集安市', "Ji'an City", 'county_city', 41.13, 126.19),
  // 白山市
  d('220602', '220600', '浑江区', 'Hunjiang District', 'district', 41.95, 126.42),
  d('220605', '220600', '江源区', 'Jiangyuan District', 'district', 42.06, 126.59),
  d('220621', '220600', '抚松县', 'Fusong County', 'county', 42.33, 127.28),
  d('220622', '220600', '靖宇县', 'Jingyu County', 'county', 42.39, 126.81),
  d('220623', '220600', '长白朝鲜族自治县', 'Changbai Korean Autonomous County', 'autonomous_county', 41.42, 128.20),
  d('220681', '220600', '临江市', 'Linjiang City', 'county_city', 41.81, 126.92),
  // 松原市
  d('220702', '220700', '宁江区', 'Ningjiang District', 'district', 45.17, 124.82),
  d('220721', '220700', '前郭尔罗斯蒙古族自治县', 'Qian Gorlos Mongol Autonomous County', 'autonomous_county', 45.12, 124.82),
  d('220722', '220700', '长岭县', 'Changling County', 'county', 44.28, 123.98),
  d('220723', '220700', '乾安县', "Qian'an County", 'county', 45.00, 124.02),
  d('220781', '220700', '扶余市', 'Fuyu City', 'county_city', 44.99, 126.04),
  // 白城市
  d('220802', '220800', '洮北区', 'Taobei District', 'district', 45.62, 122.85),
  d('220821', '220800', '镇赉县', 'Zhenlai County', 'county', 45.85, 123.20),
  d('220822', '220800', '通榆县', 'Tongyu County', 'county', 44.81, 123.09),
  d('220881', '220800', '洮南市', 'Taonan City', 'county_city', 45.34, 122.79),
  d('220882', '220800', '大安市', "Da'an City", 'county_city', 45.51, 124.29),
  // 延边朝鲜族自治州
  d('222401', '222400', '延吉市', 'Yanji City', 'county_city', 42.89, 129.51),
  d('222402', '222400', '图们市', 'Tumen City', 'county_city', 42.97, 129.84),
  d('222403', '222400', '敦化市', 'Dunhua City', 'county_city', 43.37, 128.23),
  d('222404', '222400', '珲春市', 'Hunchun City', 'county_city', 42.86, 130.37),
  d('222405', '222400', '龙井市', 'Longjing City', 'county_city', 42.77, 129.43),
  d('222406', '222400', '和龙市', 'Helong City', 'county_city', 42.55, 129.01),
  d('222424', '222400', '汪清县', 'Wangqing County', 'county', 43.31, 129.77),
  d('222426', '222400', '安图县', 'Antu County', 'county', 43.11, 128.90),
];
