package io.churnguard.ml.sim;

/**
 * Chinese personal names: surnames with their approximate share of the population (the
 * most common hundred or so), and given-name characters by gender, each with its pinyin
 * so that e-mail addresses look like the names they belong to.
 */
final class ChineseNames {

	private static final String[] SURNAMES = { "王:wang:7.12", "李:li:7.06", "张:zhang:6.72", "刘:liu:5.38", "陈:chen:4.53",
			"杨:yang:3.08", "黄:huang:2.23", "赵:zhao:2.29", "吴:wu:2.05", "周:zhou:2.04", "徐:xu:1.67", "孙:sun:1.54",
			"马:ma:1.45", "朱:zhu:1.39", "胡:hu:1.29", "郭:guo:1.28", "何:he:1.17", "高:gao:1.07", "林:lin:1.07", "罗:luo:0.98",
			"郑:zheng:0.93", "梁:liang:0.89", "谢:xie:0.83", "宋:song:0.74", "唐:tang:0.72", "许:xu:0.70", "韩:han:0.68",
			"冯:feng:0.66", "邓:deng:0.65", "曹:cao:0.62", "彭:peng:0.57", "曾:zeng:0.56", "肖:xiao:0.55", "田:tian:0.52",
			"董:dong:0.51", "袁:yuan:0.50", "潘:pan:0.50", "于:yu:0.49", "蒋:jiang:0.48", "蔡:cai:0.47", "余:yu:0.46",
			"杜:du:0.45", "叶:ye:0.44", "程:cheng:0.43", "苏:su:0.42", "魏:wei:0.41", "吕:lv:0.40", "丁:ding:0.39",
			"任:ren:0.38", "沈:shen:0.37", "姚:yao:0.36", "卢:lu:0.35", "姜:jiang:0.34", "崔:cui:0.33", "钟:zhong:0.32",
			"谭:tan:0.31", "陆:lu:0.30", "汪:wang:0.29", "范:fan:0.28", "金:jin:0.27", "石:shi:0.26", "廖:liao:0.25",
			"贾:jia:0.24", "夏:xia:0.23", "韦:wei:0.22", "付:fu:0.21", "方:fang:0.20", "白:bai:0.19", "邹:zou:0.18",
			"孟:meng:0.17", "熊:xiong:0.16", "秦:qin:0.15", "邱:qiu:0.15", "江:jiang:0.14", "尹:yin:0.14", "薛:xue:0.13",
			"闫:yan:0.13", "段:duan:0.12", "雷:lei:0.12", "侯:hou:0.11", "龙:long:0.11", "史:shi:0.10", "陶:tao:0.10",
			"黎:li:0.10", "贺:he:0.10", "顾:gu:0.09", "毛:mao:0.09", "郝:hao:0.09", "龚:gong:0.08", "邵:shao:0.08",
			"万:wan:0.08", "钱:qian:0.08", "严:yan:0.07", "覃:qin:0.07", "武:wu:0.07", "戴:dai:0.07", "莫:mo:0.06",
			"孔:kong:0.06", "向:xiang:0.06", "汤:tang:0.06", "欧阳:ouyang:0.02", "上官:shangguan:0.005", "司马:sima:0.005" };

	private static final String[] MALE = { "伟:wei", "强:qiang", "磊:lei", "军:jun", "勇:yong", "杰:jie", "涛:tao", "斌:bin",
			"超:chao", "明:ming", "刚:gang", "平:ping", "辉:hui", "鹏:peng", "华:hua", "飞:fei", "鑫:xin", "波:bo", "宇:yu",
			"浩:hao", "凯:kai", "健:jian", "俊:jun", "帆:fan", "帅:shuai", "旭:xu", "宁:ning", "龙:long", "林:lin", "阳:yang",
			"建:jian", "国:guo", "志:zhi", "文:wen", "博:bo", "子:zi", "轩:xuan", "睿:rui", "晨:chen", "泽:ze", "峰:feng",
			"成:cheng", "东:dong", "亮:liang", "海:hai", "新:xin", "振:zhen", "天:tian", "毅:yi", "兵:bing" };

	private static final String[] FEMALE = { "芳:fang", "娜:na", "敏:min", "静:jing", "丽:li", "艳:yan", "娟:juan", "霞:xia",
			"秀:xiu", "玲:ling", "桂:gui", "英:ying", "丹:dan", "萍:ping", "红:hong", "婷:ting", "雪:xue", "琳:lin", "慧:hui",
			"颖:ying", "倩:qian", "洁:jie", "琴:qin", "云:yun", "莉:li", "梅:mei", "欣:xin", "怡:yi", "佳:jia", "悦:yue", "涵:han",
			"萱:xuan", "晶:jing", "璐:lu", "月:yue", "妍:yan", "雅:ya", "思:si", "梦:meng", "诗:shi", "雨:yu", "琪:qi", "嘉:jia",
			"文:wen", "小:xiao", "春:chun", "凤:feng", "燕:yan", "蕾:lei", "晓:xiao" };

	private static final String[][] SURNAME_PARTS = split(SURNAMES);

	private static final double[] SURNAME_WEIGHTS;

	static {
		double[] weights = new double[SURNAMES.length];
		for (int i = 0; i < SURNAMES.length; i++) {
			weights[i] = Double.parseDouble(SURNAME_PARTS[i][2]);
		}
		SURNAME_WEIGHTS = Rng.cumulative(weights);
	}

	private static final String[][] MALE_PARTS = split(MALE);

	private static final String[][] FEMALE_PARTS = split(FEMALE);

	private ChineseNames() {
	}

	/** A drawn name: the characters and their pinyin without tones. */
	record Name(String chinese, String pinyin) {
	}

	static Name draw(Rng rng, boolean male) {
		String[] surname = SURNAME_PARTS[rng.pick(SURNAME_WEIGHTS)];
		String[][] given = male ? MALE_PARTS : FEMALE_PARTS;
		String[] first = given[rng.nextInt(given.length)];
		StringBuilder chinese = new StringBuilder(4).append(surname[0]).append(first[0]);
		StringBuilder pinyin = new StringBuilder(16).append(surname[1]).append(first[1]);
		if (rng.chance(0.65)) {
			String[] second = given[rng.nextInt(given.length)];
			chinese.append(second[0]);
			pinyin.append(second[1]);
		}
		return new Name(chinese.toString(), pinyin.toString());
	}

	private static String[][] split(String[] entries) {
		String[][] parts = new String[entries.length][];
		for (int i = 0; i < entries.length; i++) {
			parts[i] = entries[i].split(":");
		}
		return parts;
	}

}
