package io.churnguard.ml.uplift;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.model.gbdt.GbdtFit;
import io.churnguard.ml.model.gbdt.GradientBoosting;
import io.churnguard.ml.model.gbdt.TreeEnsemble;

/**
 * One sub-model of an uplift learner: the boosters as XGBoost stores them (UBJSON, kept
 * so the model can be saved) and their averaged trees, which score in Java.
 *
 * @param ubj the boosters in UBJSON, one per bag
 * @param ensemble their averaged trees
 */
record Boosters(List<byte[]> ubj, TreeEnsemble ensemble) {

	Boosters {
		ubj = List.copyOf(ubj);
	}

	static Boosters of(GbdtFit fit) {
		return new Boosters(fit.models(), fit.ensemble());
	}

	/** Reads stored boosters back; a classifier's and a regressor's both load. */
	static Boosters load(List<byte[]> ubj) {
		List<TreeEnsemble> ensembles = new ArrayList<>();
		for (byte[] booster : ubj) {
			ensembles.add(GradientBoosting.ensembleOf(booster));
		}
		return new Boosters(ubj, TreeEnsemble.average(ensembles));
	}

	double[] probabilities(DesignMatrix x) {
		return this.ensemble.probabilities(x);
	}

	double[] margins(DesignMatrix x) {
		return this.ensemble.margins(x);
	}

}
