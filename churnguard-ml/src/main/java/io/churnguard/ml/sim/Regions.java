package io.churnguard.ml.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Provinces and major cities of mainland China with rough population weights, their ISO
 * 3166-2 codes (which name the agents, e.g. {@code agent_gd_01}), the sales region whose
 * teams own them (e.g. {@code 华南一组}) and the administrative codes that open a resident ID
 * number.
 */
final class Regions {

	/** A city with the first four digits of its administrative code. */
	record City(String name, int adminPrefix) {
	}

	/** A province, its region, its agents and its cities. */
	record Province(String name, String isoCode, String region, double weight, City[] cities, double[] cityWeights,
			int agents) {

		/**
		 * The team an agent of this province belongs to: the first half 一组, the rest 二组.
		 */
		String team(int agent) {
			return this.region + ((agent <= (this.agents + 1) / 2) ? "一组" : "二组");
		}

		String owner(int agent) {
			return "agent_" + this.isoCode + "_" + ((agent < 10) ? "0" : "") + agent;
		}

	}

	private static final String[] DATA = { "北京|bj|华北|21.9|北京:1101", "天津|tj|华北|13.9|天津:1201",
			"河北|he|华北|74.6|石家庄:1301,唐山:1302,保定:1306", "山西|sx|华北|34.9|太原:1401,大同:1402",
			"内蒙古|nm|华北|24.0|呼和浩特:1501,包头:1502", "辽宁|ln|东北|42.6|沈阳:2101,大连:2102", "吉林|jl|东北|24.1|长春:2201,吉林:2202",
			"黑龙江|hl|东北|31.9|哈尔滨:2301,大庆:2306", "上海|sh|华东|24.9|上海:3101", "江苏|js|华东|84.7|南京:3201,苏州:3205,无锡:3202,徐州:3203",
			"浙江|zj|华东|64.6|杭州:3301,宁波:3302,温州:3303", "安徽|ah|华东|61.0|合肥:3401,芜湖:3402",
			"福建|fj|华东|41.5|福州:3501,厦门:3502,泉州:3505", "江西|jx|华东|45.2|南昌:3601,赣州:3607",
			"山东|sd|华东|101.5|济南:3701,青岛:3702,烟台:3706,潍坊:3707", "河南|ha|华中|99.4|郑州:4101,洛阳:4103,南阳:4113",
			"湖北|hb|华中|57.8|武汉:4201,宜昌:4205,襄阳:4206", "湖南|hn|华中|66.4|长沙:4301,株洲:4302,衡阳:4304",
			"广东|gd|华南|126.0|广州:4401,深圳:4403,东莞:4419,佛山:4406", "广西|gx|华南|50.1|南宁:4501,柳州:4502,桂林:4503",
			"海南|hi|华南|10.1|海口:4601,三亚:4602", "重庆|cq|西南|32.1|重庆:5001", "四川|sc|西南|83.7|成都:5101,绵阳:5107",
			"贵州|gz|西南|38.6|贵阳:5201,遵义:5203", "云南|yn|西南|47.2|昆明:5301,曲靖:5303", "西藏|xz|西南|3.6|拉萨:5401",
			"陕西|sn|西北|39.5|西安:6101,宝鸡:6103", "甘肃|gs|西北|25.0|兰州:6201", "青海|qh|西北|5.9|西宁:6301", "宁夏|nx|西北|7.2|银川:6401",
			"新疆|xj|西北|25.9|乌鲁木齐:6501" };

	static final Province[] PROVINCES = parse();

	private static final double[] PROVINCE_WEIGHTS;

	static {
		double[] weights = new double[PROVINCES.length];
		for (int i = 0; i < PROVINCES.length; i++) {
			weights[i] = PROVINCES[i].weight();
		}
		PROVINCE_WEIGHTS = Rng.cumulative(weights);
	}

	private Regions() {
	}

	static Province drawProvince(Rng rng) {
		return PROVINCES[rng.pick(PROVINCE_WEIGHTS)];
	}

	private static Province[] parse() {
		List<Province> provinces = new ArrayList<>();
		for (String line : DATA) {
			String[] fields = line.split("\\|");
			String[] cityEntries = fields[4].split(",");
			City[] cities = new City[cityEntries.length];
			double[] cityWeights = new double[cityEntries.length];
			for (int i = 0; i < cityEntries.length; i++) {
				String[] city = cityEntries[i].split(":");
				cities[i] = new City(city[0], Integer.parseInt(city[1]));
				// The capital is listed first and holds the largest share of customers.
				cityWeights[i] = (i == 0) ? 3.0 : 1.5 / i;
			}
			double weight = Double.parseDouble(fields[3]);
			int agents = (int) Math.max(2, Math.round(weight / 10));
			provinces.add(
					new Province(fields[0], fields[1], fields[2], weight, cities, Rng.cumulative(cityWeights), agents));
		}
		return provinces.toArray(new Province[0]);
	}

}
