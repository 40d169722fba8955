-- Which transactions' database part committed (docs/architecture.md, "Transactions"). A transaction that sends
-- messages inserts its token here in the database's commit and puts it on every message it sends; after a crash
-- between the database's commit and the broker's, the launcher commits a prepared broker branch whose messages carry
-- a token found here and rolls back the others. Tokens are the time in epoch milliseconds (13 digits) followed by
-- 16 random hexadecimal digits; those older than ten minutes are deleted once a minute (one range of the key).
CREATE TABLE hub_tx_commit (
    token  VARCHAR(29)  NOT NULL,
    CONSTRAINT hub_tx_commit_pk PRIMARY KEY (token)
);
