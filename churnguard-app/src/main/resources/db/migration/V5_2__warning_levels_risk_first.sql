-- Default levels put risk first and let value move a customer by about one level: high-risk
-- customers of grades A-D are level I, and a high-value customer at moderate risk (medium/A,
-- level II) still outranks an enquiry-only one at high risk (high/E, level III). The first
-- defaults ranked high-risk C/D customers below medium-risk A/B ones, so level I did not have
-- the highest observed churn, which a warning level must. Low-risk customers raise no model
-- warning: scoring writes no reasons for the low band, and a warning must say why. A matrix
-- already edited by a user is left as it is.
do $$
begin
    if (select string_agg(risk_band || '/' || grade || '=' || coalesce(level::text, '-'), ',' order by risk_band collate "C", grade collate "C")
        from warning_level_matrix) =
       'high/-=3,high/A=1,high/B=1,high/C=2,high/D=3,high/E=4,'
       || 'low/-=-,low/A=4,low/B=-,low/C=-,low/D=-,low/E=-,'
       || 'medium/-=4,medium/A=2,medium/B=2,medium/C=3,medium/D=4,medium/E=-' then
        update warning_level_matrix m set level = d.level::smallint
        from (values ('high', 'A', 1), ('high', 'B', 1), ('high', 'C', 1), ('high', 'D', 1), ('high', 'E', 3),
                     ('high', '-', 2), ('medium', 'A', 2), ('medium', 'B', 2), ('medium', 'C', 3),
                     ('medium', 'D', 3), ('medium', 'E', 4), ('medium', '-', 3), ('low', 'A', null::int))
             as d(risk_band, grade, level)
        where m.risk_band = d.risk_band and m.grade = d.grade;
    end if;
end $$;
