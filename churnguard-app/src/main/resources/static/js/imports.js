// Follows running imports on the imports page: polls each one's status and updates its row, then
// reloads the page once every import has finished so the final summary and links appear.
(function () {
	'use strict';

	function update(row, summary) {
		['rowsRead', 'accepted', 'updated', 'duplicates'].forEach(function (key) {
			var cell = row.querySelector('.' + key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }));
			if (cell) {
				cell.textContent = summary[key];
			}
		});
		var rejected = row.querySelector('.rejected span');
		if (rejected) {
			rejected.textContent = summary.rejected;
		}
		var elapsed = row.querySelector('.elapsed');
		if (elapsed) {
			elapsed.textContent = (summary.elapsedMs / 1000).toFixed(1) + ' s';
		}
	}

	function poll() {
		var running = document.querySelectorAll('#import-runs tr[data-status="running"]');
		if (running.length === 0) {
			return;
		}
		var pending = running.length;
		var finished = false;
		running.forEach(function (row) {
			fetch('imports/' + row.dataset.importId + '/status', { headers: { Accept: 'application/json' } })
				.then(function (response) { return response.json(); })
				.then(function (summary) {
					update(row, summary);
					if (summary.status !== 'running') {
						finished = true;
					}
				})
				.finally(function () {
					pending--;
					if (pending === 0) {
						if (finished) {
							window.location.reload();
						}
						else {
							setTimeout(poll, 1000);
						}
					}
				});
		});
	}

	document.addEventListener('DOMContentLoaded', function () { setTimeout(poll, 500); });
}());
