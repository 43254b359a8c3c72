CREATE TABLE example_notice (
  branch VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  text VARCHAR(200) NOT NULL,
  PRIMARY KEY (branch, seq)
);
