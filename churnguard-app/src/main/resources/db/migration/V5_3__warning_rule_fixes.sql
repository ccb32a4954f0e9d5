-- Two default rules never said what they meant:
-- * a change feature is a ratio of daily rates (1 = unchanged, 0.5 = halved), never negative,
--   so "usage_voice_30d_change < -0.5" could not hold: "fell by more than half" is < 0.5;
-- * contract_days_left is 0 for every contract that has ended, so ">= 0" warned about
--   contracts long over: a contract ending within 30 days has 1 to 30 days left.
-- Rules a user has edited since are left as they are.
update warning_rule set expression = 'usage_voice_30d_change < 0.5 && complaints_30d >= 2.0',
                        updated_at = now(), updated_by = 'system'
where name = 'usage_collapse_with_complaints'
  and expression = 'usage_voice_30d_change < -0.5 && complaints_30d >= 2.0';

update warning_rule set expression = 'contract_days_left > 0.0 && contract_days_left <= 30.0',
                        updated_at = now(), updated_by = 'system'
where name = 'contract_ending'
  and expression = 'contract_days_left >= 0.0 && contract_days_left <= 30.0';
