-- A scoring run copies its rows into score_latest straight after storing them
-- ("where run_id = ?"), and deleting a run cascades to its scores: without this index each of
-- them read the whole score history, which grows by one row per active customer and day.
create index score_run on score (run_id);
