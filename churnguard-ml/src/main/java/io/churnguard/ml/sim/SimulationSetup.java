package io.churnguard.ml.sim;

/**
 * Everything fixed for one run of the simulator, shared read-only by the worker threads:
 * the preset, the calendar, the calibrated hazard scale, the treatments and the window of
 * days whose events are written.
 */
final class SimulationSetup {

	final Preset preset;

	final PresetCatalog catalog;

	final SimCalendar calendar;

	final BehaviourModel model;

	final CustomerFactory factory;

	final long seed;

	final int customers;

	final int joinWindowMonths;

	final int horizonDays;

	/** The first day whose events are written: 0, or the end of the continued run. */
	final int windowStartDay;

	final double hazardScale;

	final TreatmentBook treatments;

	SimulationSetup(Preset preset, SimCalendar calendar, long seed, int customers, int joinWindowMonths,
			int windowStartDay, double hazardScale, TreatmentBook treatments) {
		this.preset = preset;
		this.catalog = PresetCatalog.of(preset);
		this.calendar = calendar;
		this.model = new BehaviourModel(this.catalog, calendar);
		this.seed = seed;
		this.customers = customers;
		this.joinWindowMonths = joinWindowMonths;
		this.horizonDays = calendar.horizonDays;
		this.windowStartDay = windowStartDay;
		this.hazardScale = hazardScale;
		this.treatments = treatments;
		this.factory = new CustomerFactory(this.catalog, calendar, seed, customers,
				SimCalendar.daysIn(calendar.start, joinWindowMonths), joinWindowMonths);
	}

}
