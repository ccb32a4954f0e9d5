package io.churnguard.ml.sim;

/**
 * Everything that makes one preset look like its kind of company: plans and fees,
 * acquisition channels, the mix of customers, the rates of the shocks the behavioural
 * model uses, and the Chinese texts of complaints, contacts, pages and churn reasons
 * (prepared once as CSV field bytes).
 */
final class PresetCatalog {

	/** Complaint category codes, the complaint event's subtype. */
	static final String[] CATEGORY_CODES = { "network", "billing", "service", "product", "other" };

	static final int NETWORK = 0;

	static final int BILLING = 1;

	static final int SERVICE = 2;

	static final int PRODUCT = 3;

	static final int OTHER = 4;

	/** Churn reasons, in the order of {@link #churnReasons}. */
	static final int REASON_PRICE = 0;

	static final int REASON_QUALITY = 1;

	static final int REASON_SERVICE = 2;

	static final int REASON_COMPETITOR = 3;

	static final int REASON_RELOCATION = 4;

	static final int REASON_OTHER = 5;

	final Preset preset;

	final Plan[] plans;

	final double[] planWeights;

	final double meanFee;

	/** The share of customers on a contract plan who hold a contract. */
	final double contractShare;

	final String[] channels;

	final double[] channelWeights;

	/** Added to the log-hazard per channel: campaign customers are less loyal. */
	final double[] channelRisk;

	final double groupShare;

	final double joinSharePerMonth;

	final double ownOperatorShare;

	final double emailShare;

	final double meanAge;

	final double meanTenureYears;

	/** Weekly probability of a quality incident (network outage, app failure). */
	final double qualityIssueRate;

	/** Weekly probability of a competitor's offer reaching a customer. */
	final double competitorOfferRate;

	/** Weekly complaint rate of an average customer at ease. */
	final double complaintRate;

	final byte[][] categorySubtypes;

	final byte[][][] complaints;

	final byte[][] hotlineTopics;

	final byte[][] storeTopics;

	final byte[][] chatTopics;

	/** The topic of a contact by a customer preparing to leave (携号转网咨询 …). */
	final byte[] leavingTopic;

	final byte[][] pages;

	/** The page a leaving subscriber visits (取消自动续费). */
	final byte[] leavingPage;

	final String[] churnReasons;

	final String[] competitors;

	private PresetCatalog(Builder builder) {
		this.preset = builder.preset;
		this.plans = builder.plans;
		double[] weights = builder.planWeights;
		this.planWeights = Rng.cumulative(weights);
		double fee = 0;
		double total = 0;
		for (int i = 0; i < this.plans.length; i++) {
			fee += weights[i] * this.plans[i].monthlyFee();
			total += weights[i];
		}
		this.meanFee = fee / total;
		this.contractShare = builder.contractShare;
		this.channels = builder.channels;
		this.channelWeights = Rng.cumulative(builder.channelWeights);
		this.channelRisk = builder.channelRisk;
		this.groupShare = builder.groupShare;
		this.joinSharePerMonth = builder.joinSharePerMonth;
		this.ownOperatorShare = builder.ownOperatorShare;
		this.emailShare = builder.emailShare;
		this.meanAge = builder.meanAge;
		this.meanTenureYears = builder.meanTenureYears;
		this.qualityIssueRate = builder.qualityIssueRate;
		this.competitorOfferRate = builder.competitorOfferRate;
		this.complaintRate = builder.complaintRate;
		this.categorySubtypes = new byte[CATEGORY_CODES.length][];
		this.complaints = new byte[CATEGORY_CODES.length][][];
		for (int c = 0; c < CATEGORY_CODES.length; c++) {
			this.categorySubtypes[c] = Plan.utf8(CATEGORY_CODES[c]);
			String[] texts = builder.complaintTexts[c];
			this.complaints[c] = new byte[texts.length][];
			for (int t = 0; t < texts.length; t++) {
				this.complaints[c][t] = AttributeJson.field("category", builder.categoryNames[c], "text", texts[t]);
			}
		}
		this.hotlineTopics = topics(builder.hotlineTopics);
		this.storeTopics = topics(builder.storeTopics);
		this.chatTopics = topics(builder.chatTopics);
		this.leavingTopic = AttributeJson.field("topic", builder.leavingTopic);
		this.pages = new byte[builder.pages.length][];
		for (int i = 0; i < builder.pages.length; i++) {
			this.pages[i] = AttributeJson.field("page", builder.pages[i]);
		}
		this.leavingPage = AttributeJson.field("page", builder.leavingPage);
		this.churnReasons = builder.churnReasons;
		this.competitors = builder.competitors;
	}

	private static byte[][] topics(String[] topics) {
		byte[][] fields = new byte[topics.length][];
		for (int i = 0; i < topics.length; i++) {
			fields[i] = AttributeJson.field("topic", topics[i]);
		}
		return fields;
	}

	static PresetCatalog of(Preset preset) {
		return switch (preset) {
			case TELECOM -> telecom();
			case BANK -> bank();
			case SUBSCRIPTION -> subscription();
		};
	}

	private static PresetCatalog telecom() {
		Builder b = new Builder(Preset.TELECOM);
		int[] contracts = { 12, 24 };
		b.plans = new Plan[] { new Plan("4G飞享套餐38元", 38, contracts, true), new Plan("5G畅享套餐58元", 58, contracts, true),
				new Plan("5G畅享套餐88元", 88, contracts, true), new Plan("5G畅享套餐128元", 128, contracts, true),
				new Plan("5G畅享套餐198元", 198, contracts, true), new Plan("5G尊享套餐298元", 298, contracts, true) };
		b.planWeights = new double[] { 0.16, 0.30, 0.25, 0.16, 0.10, 0.03 };
		b.contractShare = 0.5;
		b.channels = new String[] { "门店", "线上", "来电", "来访", "活动", "转介绍" };
		b.channelWeights = new double[] { 0.30, 0.22, 0.08, 0.10, 0.20, 0.10 };
		b.channelRisk = new double[] { 0, 0.15, 0.05, -0.05, 0.25, -0.25 };
		b.groupShare = 0.12;
		b.joinSharePerMonth = 0.012;
		b.ownOperatorShare = 0.9;
		b.emailShare = 0.55;
		b.meanAge = 40;
		b.meanTenureYears = 4.5;
		b.qualityIssueRate = 0.012;
		b.competitorOfferRate = 0.01;
		b.complaintRate = 0.012;
		b.categoryNames = new String[] { "网络", "资费", "服务", "产品", "其他" };
		b.complaintTexts = new String[][] { { "信号差经常掉线", "家里信号只有一格", "5G网速太慢", "地铁里上不了网", "通话时经常断线", "室内没有信号" },
				{ "话费扣得莫名其妙", "被开通了不知情的增值业务", "流量超出收费太高", "套餐资费太贵", "账单金额和套餐不符" },
				{ "营业厅排队太久", "客服电话打不通", "客服态度差", "问题反映多次没有解决", "办理业务效率低" },
				{ "套餐流量不够用", "合约机质量问题", "套餐内容不合理", "积分兑换商品太少" }, { "营销短信太多", "携号转网被设置障碍", "实名认证流程繁琐" } };
		b.hotlineTopics = new String[] { "话费查询", "流量查询", "套餐咨询", "故障报修", "业务办理", "积分查询" };
		b.storeTopics = new String[] { "业务办理", "换卡补卡", "合约机办理", "宽带报装" };
		b.chatTopics = new String[] { "账单咨询", "套餐咨询", "流量查询" };
		b.leavingTopic = "携号转网咨询";
		b.pages = new String[] { "首页", "话费查询", "流量查询", "账单详情", "套餐办理", "积分商城", "宽带服务", "5G专区" };
		b.leavingPage = "携号转网授权码";
		b.churnReasons = new String[] { "资费过高", "网络质量差", "服务不满意", "竞争对手优惠", "搬迁外地", "不再使用" };
		b.competitors = new String[] { "中国联通", "中国电信", "中国广电" };
		return new PresetCatalog(b);
	}

	private static PresetCatalog bank() {
		Builder b = new Builder(Preset.BANK);
		int[] none = {};
		int[] terms = { 6, 12, 36 };
		b.plans = new Plan[] { new Plan("借记卡基础账户", 8, none, false), new Plan("信用卡普卡", 30, none, true),
				new Plan("信用卡金卡", 60, none, true), new Plan("信用卡白金卡", 150, none, true),
				new Plan("稳健理财客户", 220, terms, true), new Plan("私人银行客户", 900, terms, true) };
		b.planWeights = new double[] { 0.30, 0.25, 0.20, 0.12, 0.10, 0.03 };
		b.contractShare = 0.85;
		b.channels = new String[] { "门店", "线上", "来电", "来访", "活动", "转介绍" };
		b.channelWeights = new double[] { 0.35, 0.20, 0.05, 0.10, 0.15, 0.15 };
		b.channelRisk = new double[] { -0.05, 0.2, 0.05, -0.05, 0.25, -0.2 };
		b.groupShare = 0.2;
		b.joinSharePerMonth = 0.008;
		b.ownOperatorShare = 0.55;
		b.emailShare = 0.8;
		b.meanAge = 43;
		b.meanTenureYears = 6;
		b.qualityIssueRate = 0.004;
		b.competitorOfferRate = 0.008;
		b.complaintRate = 0.008;
		b.categoryNames = new String[] { "系统", "收费", "服务", "产品", "其他" };
		b.complaintTexts = new String[][] { { "手机银行频繁闪退", "转账页面打不开", "网银登录失败", "短信验证码收不到" },
				{ "年费扣收不合理", "信用卡利息计算有误", "转账手续费太高", "分期手续费不透明" }, { "网点排队时间长", "客户经理联系不上", "柜员服务态度差", "投诉处理太慢" },
				{ "理财收益低于预期", "信用卡额度太低", "贷款审批太慢", "存款利率太低" }, { "营销电话太多", "账户被无故冻结", "担心个人信息泄露" } };
		b.hotlineTopics = new String[] { "账户查询", "信用卡还款", "挂失补卡", "理财咨询", "额度调整" };
		b.storeTopics = new String[] { "业务办理", "开户", "理财签约", "大额取现预约" };
		b.chatTopics = new String[] { "账单咨询", "转账限额", "积分查询" };
		b.leavingTopic = "销户及大额转出咨询";
		b.pages = new String[] { "首页", "账户总览", "转账汇款", "理财产品", "信用卡", "贷款", "生活缴费" };
		b.leavingPage = "销户预约";
		b.churnReasons = new String[] { "收费过高", "电子渠道体验差", "服务不满意", "他行利率更高", "搬迁外地", "不再使用" };
		b.competitors = new String[] { "招商银行", "工商银行", "建设银行", "网商银行" };
		return new PresetCatalog(b);
	}

	private static PresetCatalog subscription() {
		Builder b = new Builder(Preset.SUBSCRIPTION);
		int[] none = {};
		b.plans = new Plan[] { new Plan("基础会员", 15, none, true), new Plan("标准会员", 25, none, true),
				new Plan("高级会员", 40, none, true), new Plan("家庭会员", 60, none, true) };
		b.planWeights = new double[] { 0.35, 0.35, 0.2, 0.1 };
		b.contractShare = 0;
		b.channels = new String[] { "线上", "活动", "转介绍", "来电", "来访", "门店" };
		b.channelWeights = new double[] { 0.55, 0.20, 0.15, 0.03, 0.02, 0.05 };
		b.channelRisk = new double[] { 0.05, 0.3, -0.25, 0, 0, -0.05 };
		b.groupShare = 0.05;
		b.joinSharePerMonth = 0.03;
		b.ownOperatorShare = 0.55;
		b.emailShare = 0.95;
		b.meanAge = 31;
		b.meanTenureYears = 1.8;
		b.qualityIssueRate = 0.01;
		b.competitorOfferRate = 0.015;
		b.complaintRate = 0.01;
		b.categoryNames = new String[] { "系统", "扣费", "服务", "商品", "其他" };
		b.complaintTexts = new String[][] { { "APP加载很慢", "视频播放卡顿", "支付页面报错" }, { "自动续费未提醒", "重复扣费", "会员价格上涨" },
				{ "退货退款太慢", "客服回复慢", "物流太慢" }, { "商品质量差", "内容更新太少", "会员权益缩水" }, { "推送消息太多", "账号被盗" } };
		b.hotlineTopics = new String[] { "订单查询", "退款咨询", "会员权益咨询" };
		b.storeTopics = new String[] { "线下自提", "售后服务" };
		b.chatTopics = new String[] { "订单查询", "物流查询", "退换货", "优惠券咨询" };
		b.leavingTopic = "取消自动续费";
		b.pages = new String[] { "首页", "商品详情", "搜索结果", "购物车", "会员中心", "订单列表", "优惠活动" };
		b.leavingPage = "会员中心-取消续费";
		b.churnReasons = new String[] { "会员价格过高", "使用体验差", "服务不满意", "转向其他平台", "需求变化", "长期未使用" };
		b.competitors = new String[] { "其他平台" };
		return new PresetCatalog(b);
	}

	/** Mutable holder for the constructor: presets read as a list of settings. */
	private static final class Builder {

		final Preset preset;

		Plan[] plans;

		double[] planWeights;

		double contractShare;

		String[] channels;

		double[] channelWeights;

		double[] channelRisk;

		double groupShare;

		double joinSharePerMonth;

		double ownOperatorShare;

		double emailShare;

		double meanAge;

		double meanTenureYears;

		double qualityIssueRate;

		double competitorOfferRate;

		double complaintRate;

		String[] categoryNames;

		String[][] complaintTexts;

		String[] hotlineTopics;

		String[] storeTopics;

		String[] chatTopics;

		String leavingTopic;

		String[] pages;

		String leavingPage;

		String[] churnReasons;

		String[] competitors;

		Builder(Preset preset) {
			this.preset = preset;
		}

	}

}
