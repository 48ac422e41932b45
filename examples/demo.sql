-- Demo data for `npm start`: a page-view stream that the built-in generator keeps filling.
CREATE STREAM PAGEVIEWS (
  VIEWTIME BIGINT,
  USERID VARCHAR,
  PAGEID VARCHAR
) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);
