package io.churnguard.ml.feature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.churnguard.ml.event.EventType;

/**
 * A {@link FeatureSet} compiled for evaluation: the event streams it reads (an event
 * type, optionally narrowed to a subtype, or all events), the windows each stream needs,
 * and a compact integer <em>event kind</em> for every (type, subtype) pair so that hot
 * paths carry an {@code int} instead of two strings. Immutable and shared by all threads;
 * each thread evaluates through its own {@link CustomerState}.
 */
public final class FeaturePlan {

	/** The kind code of a subtype the plan does not distinguish. */
	private static final int OTHER_SUBTYPE = 0;

	private final FeatureSet featureSet;

	private final List<Stream> streams;

	private final int[][] streamWindows;

	private final int[] streamMaxWindow;

	private final int[] windowBase;

	private final int windowSlots;

	private final int stride;

	private final List<Map<String, Integer>> subtypeIds;

	private final int[][] kindStreams;

	private final NumericFeature[] numeric;

	private final CategoricalFeature[] categorical;

	private FeaturePlan(FeatureSet featureSet) {
		this.featureSet = featureSet;
		List<Stream> streamList = new ArrayList<>();
		List<TreeSet<Integer>> windows = new ArrayList<>();
		for (FeatureDefinition definition : featureSet.definitions()) {
			if (readsStream(definition)) {
				int stream = streamIndex(streamList, windows, definition);
				if (definition.kind() == FeatureKind.WINDOW) {
					windows.get(stream).add(definition.window());
				}
				else if (definition.kind() == FeatureKind.CHANGE) {
					windows.get(stream).add(definition.window());
					windows.get(stream).add(definition.window() + definition.previousWindow());
				}
			}
		}
		this.streams = List.copyOf(streamList);
		this.streamWindows = new int[this.streams.size()][];
		this.streamMaxWindow = new int[this.streams.size()];
		this.windowBase = new int[this.streams.size()];
		int slots = 0;
		for (int s = 0; s < this.streams.size(); s++) {
			this.streamWindows[s] = windows.get(s).stream().mapToInt(Integer::intValue).toArray();
			this.streamMaxWindow[s] = windows.get(s).isEmpty() ? 0 : windows.get(s).last();
			this.windowBase[s] = slots;
			slots += this.streamWindows[s].length;
		}
		this.windowSlots = slots;

		// Kind codes: type ordinal × stride + subtype id, id 0 for subtypes no feature
		// names.
		this.subtypeIds = new ArrayList<>();
		int maxSubtypes = 0;
		for (int t = 0; t < EventType.values().length; t++) {
			Map<String, Integer> ids = new HashMap<>();
			for (Stream stream : this.streams) {
				if (stream.type() != null && stream.type().ordinal() == t && stream.subtype() != null) {
					ids.putIfAbsent(stream.subtype(), ids.size() + 1);
				}
			}
			this.subtypeIds.add(Map.copyOf(ids));
			maxSubtypes = Math.max(maxSubtypes, ids.size());
		}
		this.stride = maxSubtypes + 1;
		this.kindStreams = new int[EventType.values().length * this.stride][];
		for (EventType type : EventType.values()) {
			for (int sub = 0; sub < this.stride; sub++) {
				List<Integer> matching = new ArrayList<>();
				for (int s = 0; s < this.streams.size(); s++) {
					Stream stream = this.streams.get(s);
					boolean typeMatches = stream.type() == null || stream.type() == type;
					boolean subtypeMatches = stream.subtype() == null
							|| (sub != OTHER_SUBTYPE && subtypeId(type, stream.subtype()) == sub);
					if (typeMatches && subtypeMatches) {
						matching.add(s);
					}
				}
				this.kindStreams[type.ordinal() * this.stride + sub] = matching.stream()
					.mapToInt(Integer::intValue)
					.toArray();
			}
		}

		List<NumericFeature> numericList = new ArrayList<>();
		List<CategoricalFeature> categoricalList = new ArrayList<>();
		for (FeatureDefinition definition : featureSet.definitions()) {
			if (definition.isCategorical()) {
				categoricalList.add(NumericFeature.categorical(definition));
			}
			else {
				numericList.add(NumericFeature.compile(definition, this, featureSet));
			}
		}
		this.numeric = numericList.toArray(NumericFeature[]::new);
		this.categorical = categoricalList.toArray(CategoricalFeature[]::new);
	}

	/**
	 * Compiles a feature set.
	 * @param featureSet the features
	 * @return the plan
	 */
	public static FeaturePlan compile(FeatureSet featureSet) {
		return new FeaturePlan(Objects.requireNonNull(featureSet, "featureSet"));
	}

	/** The feature set this plan evaluates. */
	public FeatureSet featureSet() {
		return this.featureSet;
	}

	/**
	 * The kind code of an event: every (type, subtype) pair that some feature names has
	 * its own code; other subtypes of a type share one.
	 * @param type the event type
	 * @param subtype the subtype, null or empty for none
	 * @return the kind code, in {@code [0, kindCount())}
	 */
	public int kind(EventType type, String subtype) {
		int sub = OTHER_SUBTYPE;
		if (subtype != null && !subtype.isEmpty()) {
			Integer id = this.subtypeIds.get(type.ordinal()).get(subtype);
			if (id == null) {
				id = this.subtypeIds.get(type.ordinal()).get(subtype.strip().toLowerCase(Locale.ROOT));
			}
			sub = (id != null) ? id : OTHER_SUBTYPE;
		}
		return type.ordinal() * this.stride + sub;
	}

	/**
	 * The event type of a kind code.
	 * @param kind the kind code
	 * @return the event type
	 */
	public EventType typeOf(int kind) {
		return EventType.values()[kind / this.stride];
	}

	/** The number of kind codes. */
	public int kindCount() {
		return this.kindStreams.length;
	}

	/** A fresh evaluation state for one customer at a time. */
	public CustomerState newState() {
		return new CustomerState(this);
	}

	/** The number of event streams the features read. */
	public int streamCount() {
		return this.streams.size();
	}

	/**
	 * The stream a feature reads, as its event type (null for any) and subtype (null for
	 * any); used by engines that mirror the plan, such as the benchmark's SQL.
	 * @param index the stream index
	 * @return the stream
	 */
	public Stream stream(int index) {
		return this.streams.get(index);
	}

	int subtypeId(EventType type, String subtype) {
		return this.subtypeIds.get(type.ordinal()).getOrDefault(subtype, OTHER_SUBTYPE);
	}

	int[] streamsOfKind(int kind) {
		return this.kindStreams[kind];
	}

	int[] windows(int stream) {
		return this.streamWindows[stream];
	}

	int maxWindow(int stream) {
		return this.streamMaxWindow[stream];
	}

	int windowBase(int stream) {
		return this.windowBase[stream];
	}

	int windowSlots() {
		return this.windowSlots;
	}

	int slot(int stream, int window) {
		int[] windows = this.streamWindows[stream];
		for (int k = 0; k < windows.length; k++) {
			if (windows[k] == window) {
				return this.windowBase[stream] + k;
			}
		}
		throw new IllegalStateException("stream " + stream + " has no window " + window);
	}

	int streamOf(FeatureDefinition definition) {
		for (int s = 0; s < this.streams.size(); s++) {
			if (this.streams.get(s).matches(definition)) {
				return s;
			}
		}
		throw new IllegalStateException("no stream for " + definition.name());
	}

	NumericFeature[] numeric() {
		return this.numeric;
	}

	CategoricalFeature[] categorical() {
		return this.categorical;
	}

	private static boolean readsStream(FeatureDefinition definition) {
		return switch (definition.kind()) {
			case WINDOW, CHANGE, RECENCY, TENURE_AVERAGE -> true;
			case RATIO, ATTRIBUTE -> false;
		};
	}

	private static int streamIndex(List<Stream> streams, List<TreeSet<Integer>> windows, FeatureDefinition definition) {
		for (int s = 0; s < streams.size(); s++) {
			if (streams.get(s).matches(definition)) {
				return s;
			}
		}
		streams.add(new Stream(definition.event(), definition.subtype()));
		windows.add(new TreeSet<>());
		return streams.size() - 1;
	}

	/**
	 * An event stream: the events of one type, optionally one subtype, or all events.
	 *
	 * @param type the event type; null for all events
	 * @param subtype the subtype; null for all subtypes
	 */
	public record Stream(EventType type, String subtype) {

		boolean matches(FeatureDefinition definition) {
			return this.type == definition.event() && Objects.equals(this.subtype, definition.subtype());
		}

	}

}
