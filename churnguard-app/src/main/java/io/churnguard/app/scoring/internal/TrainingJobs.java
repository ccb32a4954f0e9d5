package io.churnguard.app.scoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Training from the console or the API runs in the background, one at a time (training
 * uses every core); the registry keeps the result, this keeps the progress of recent
 * jobs.
 */
@Component
class TrainingJobs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

	private final ArchiveTraining training;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "model-training");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	TrainingJobs(ArchiveTraining training, Clock clock) {
		this.training = training;
		this.clock = clock;
	}

	Job start(ArchiveTrainingRequest request) {
		long id = this.ids.incrementAndGet();
		Job queued = new Job(id, "queued", request.user(), this.clock.instant(), null, null, null);
		this.jobs.put(id, queued);
		this.worker.execute(() -> {
			this.jobs.put(id, queued.with("running", null, null));
			try {
				ArchiveTraining.Trained trained = this.training.train(request);
				this.jobs.put(id, queued.with("completed", trained.model().id(), null));
			}
			catch (RuntimeException ex) {
				log.warn("Training job {} failed: {}", id, ex.getMessage(), ex);
				this.jobs.put(id, queued.with("failed", null, ex.getMessage()));
			}
		});
		return queued;
	}

	Job find(long id) {
		Job job = this.jobs.get(id);
		if (job == null) {
			throw new NoSuchElementException("no training job " + id);
		}
		return job;
	}

	List<Job> recent() {
		List<Job> all = new ArrayList<>(this.jobs.values());
		all.sort(Comparator.comparingLong(Job::id).reversed());
		return all.subList(0, Math.min(10, all.size()));
	}

	boolean running() {
		return this.jobs.values()
			.stream()
			.anyMatch(job -> job.status().equals("queued") || job.status().equals("running"));
	}

	@Override
	public void close() {
		this.worker.shutdownNow();
	}

	/**
	 * @param id the job
	 * @param status queued, running, completed or failed
	 * @param user who started it
	 * @param startedAt when
	 * @param finishedAt when it ended
	 * @param modelId the registered model, when completed
	 * @param error why it failed
	 */
	record Job(long id, String status, String user, Instant startedAt, Instant finishedAt, String modelId,
			String error) {

		Job with(String newStatus, String model, String failure) {
			boolean ended = newStatus.equals("completed") || newStatus.equals("failed");
			return new Job(this.id, newStatus, this.user, this.startedAt, ended ? Instant.now() : null, model, failure);
		}

	}

}
