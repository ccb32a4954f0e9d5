// Draws the console's charts from JSON embedded in the page: the Content-Security-Policy forbids
// inline scripts, so pages carry data in <script type="application/json"> and this file renders it.
(function () {
	'use strict';

	function data(id) {
		var node = document.getElementById(id);
		return node ? JSON.parse(node.textContent) : null;
	}

	function loginChart() {
		var node = document.getElementById('login-chart');
		var series = data('login-chart-data');
		if (!node || !series || typeof echarts === 'undefined') {
			return;
		}
		var chart = echarts.init(node);
		chart.setOption({
			tooltip: { trigger: 'axis' },
			legend: { data: [node.dataset.seriesSucceeded, node.dataset.seriesFailed] },
			grid: { left: 40, right: 20, top: 40, bottom: 30 },
			xAxis: { type: 'category', data: series.days },
			yAxis: { type: 'value', minInterval: 1 },
			series: [
				{ name: node.dataset.seriesSucceeded, type: 'bar', stack: 'logins', data: series.succeeded, itemStyle: { color: '#1e8e3e' } },
				{ name: node.dataset.seriesFailed, type: 'bar', stack: 'logins', data: series.failed, itemStyle: { color: '#c5221f' } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	}

	document.addEventListener('DOMContentLoaded', loginChart);
}());

// The customer 360's monthly activity: events per month as bars, billed amount as a line.
(function () {
	'use strict';

	document.addEventListener('DOMContentLoaded', function () {
		var node = document.getElementById('activity-chart');
		var dataNode = document.getElementById('activity-chart-data');
		if (!node || !dataNode || typeof echarts === 'undefined') {
			return;
		}
		var data = JSON.parse(dataNode.textContent);
		var chart = echarts.init(node);
		chart.setOption({
			tooltip: { trigger: 'axis' },
			legend: { data: [node.dataset.seriesEvents, node.dataset.seriesAmount] },
			grid: { left: 50, right: 50, top: 40, bottom: 30 },
			xAxis: { type: 'category', data: data.months },
			yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
			series: [
				{ name: node.dataset.seriesEvents, type: 'bar', data: data.events, itemStyle: { color: '#0b5cad' } },
				{ name: node.dataset.seriesAmount, type: 'line', yAxisIndex: 1, data: data.amount, itemStyle: { color: '#f07c00' } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	});
}());

// Warning evaluation: precision by level as bars in the level colours.
(function () {
	'use strict';

	document.addEventListener('DOMContentLoaded', function () {
		var node = document.getElementById('precision-chart');
		var dataNode = document.getElementById('precision-chart-data');
		if (!node || !dataNode || typeof echarts === 'undefined') {
			return;
		}
		var data = JSON.parse(dataNode.textContent);
		var colours = { I: '#d93025', II: '#f07c00', III: '#e6b800', IV: '#1a73e8' };
		echarts.init(node).setOption({
			tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
			grid: { left: 50, right: 20, top: 20, bottom: 30 },
			xAxis: { type: 'category', data: data.levels },
			yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
			series: [{ name: node.dataset.series, type: 'bar', data: data.precision.map(function (v, i) {
				return { value: v, itemStyle: { color: colours[data.levels[i]] } };
			}) }]
		});
	});
}());

// A warning's trends: the churn probability of each scoring as a line, and each key feature
// at monthly observation dates as a small chart of its own (their units differ).
(function () {
	'use strict';

	document.addEventListener('DOMContentLoaded', function () {
		var dataNode = document.getElementById('warning-trends-data');
		if (!dataNode || typeof echarts === 'undefined') {
			return;
		}
		var data = JSON.parse(dataNode.textContent);
		var probability = document.getElementById('probability-chart');
		var charts = [];
		if (probability && data.probability.length > 0) {
			var chart = echarts.init(probability);
			chart.setOption({
				tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
				grid: { left: 50, right: 20, top: 30, bottom: 30 },
				xAxis: { type: 'category', data: data.scoreDays },
				yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
				series: [{ name: probability.dataset.series, type: 'line', data: data.probability, itemStyle: { color: '#d93025' } }]
			});
			charts.push(chart);
		}
		var grid = document.getElementById('feature-trends');
		Object.keys(data.features || {}).forEach(function (label) {
			var node = document.createElement('div');
			node.className = 'chart';
			grid.appendChild(node);
			var chart = echarts.init(node);
			chart.setOption({
				title: { text: label, textStyle: { fontSize: 13 } },
				tooltip: { trigger: 'axis' },
				grid: { left: 50, right: 15, top: 35, bottom: 25 },
				xAxis: { type: 'category', data: data.days },
				yAxis: { type: 'value' },
				series: [{ name: label, type: 'line', data: data.features[label], itemStyle: { color: '#0b5cad' } }]
			});
			charts.push(chart);
		});
		window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
	});
}());

// Campaign report: retention of treated and control customers side by side, per cell, with the
// uplift (percentage points) as a line on its own axis.
(function () {
	'use strict';

	document.addEventListener('DOMContentLoaded', function () {
		var dataNode = document.getElementById('retention-chart-data');
		if (!dataNode || typeof echarts === 'undefined') {
			return;
		}
		var all = JSON.parse(dataNode.textContent);
		document.querySelectorAll('.retention-chart').forEach(function (node) {
			var data = all[node.dataset.key];
			if (!data) {
				return;
			}
			echarts.init(node).setOption({
				tooltip: { trigger: 'axis' },
				legend: { data: [node.dataset.treated, node.dataset.control, node.dataset.uplift] },
				grid: { left: 50, right: 50, top: 40, bottom: 30 },
				xAxis: { type: 'category', data: data.labels },
				yAxis: [{ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
					{ type: 'value', axisLabel: { formatter: '{value} pp' } }],
				series: [
					{ name: node.dataset.treated, type: 'bar', data: data.treated, itemStyle: { color: '#0b5cad' } },
					{ name: node.dataset.control, type: 'bar', data: data.control, itemStyle: { color: '#9aa0a6' } },
					{ name: node.dataset.uplift, type: 'line', yAxisIndex: 1, data: data.uplift, itemStyle: { color: '#1e8e3e' } }
				]
			});
		});
	});
}());

// Uplift models: each action's Qini curve on held-out members against the diagonal of random
// targeting, and the uplift curve, over the share of customers targeted.
(function () {
	'use strict';

	document.addEventListener('DOMContentLoaded', function () {
		var dataNode = document.getElementById('qini-chart-data');
		if (!dataNode || typeof echarts === 'undefined') {
			return;
		}
		var byAction = {};
		JSON.parse(dataNode.textContent).forEach(function (e) { byAction[e.action] = e; });
		document.querySelectorAll('.qini-chart').forEach(function (node) {
			var e = byAction[node.dataset.action];
			if (!e) {
				return;
			}
			// A category axis of the shares targeted keeps every series on the same 101 points;
			// random targeting's line rises evenly to the held-out average uplift.
			var share = e.curve.share.map(function (s) { return Math.round(s * 100) + '%'; });
			var random = e.curve.share.map(function (s) { return Math.round(s * e.averageUplift * 1e6) / 1e6; });
			var chart = echarts.init(node);
			chart.setOption({
				tooltip: { trigger: 'axis' },
				legend: { data: [node.dataset.qini, node.dataset.random, node.dataset.uplift] },
				grid: { left: 60, right: 30, top: 40, bottom: 50 },
				xAxis: { type: 'category', boundaryGap: false, data: share, name: node.dataset.share,
					nameLocation: 'middle', nameGap: 30 },
				yAxis: { type: 'value' },
				series: [
					{ name: node.dataset.qini, type: 'line', showSymbol: false, data: e.curve.qini, itemStyle: { color: '#0b5cad' } },
					{ name: node.dataset.random, type: 'line', showSymbol: false, data: random,
						lineStyle: { type: 'dashed' }, itemStyle: { color: '#9aa0a6' } },
					{ name: node.dataset.uplift, type: 'line', showSymbol: false, data: e.curve.uplift, itemStyle: { color: '#1e8e3e' } }
				]
			});
			window.addEventListener('resize', function () { chart.resize(); });
		});
	});
}());
