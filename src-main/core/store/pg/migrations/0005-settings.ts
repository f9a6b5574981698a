// Per-inbox forwarding, response rule and retention, and settings of the
// whole inspector (one row a setting).
//
// A rule's "first N" is counted across replicas: taking a hit is one
// conditional statement, never a count read and then written:
//   UPDATE inbox_settings SET rule_hits = rule_hits + 1
//   WHERE inbox = $1 AND rule IS NOT NULL
//     AND (rule->>'firstN' IS NULL OR rule_hits < (rule->>'firstN')::bigint)
//   RETURNING rule
export const sql = `
CREATE TABLE inbox_settings (
  inbox      text             PRIMARY KEY,
  forwarding jsonb,                        -- {url, mode} or NULL
  rule       jsonb,                        -- the response rule or NULL
  rule_hits  bigint           NOT NULL DEFAULT 0,
  keep_count integer,
  keep_days  double precision
);

CREATE TABLE settings (
  name  text  PRIMARY KEY,
  value jsonb NOT NULL
);
`;
