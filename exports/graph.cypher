// graph.cypher: written by graphbuild; run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.
// Idempotent: MERGE on id and SET of all properties, so running it twice changes nothing.
// Each batch packs its rows column by column into strings ('' null, '=' value) that the
// statement splits back into maps: Neo4j parses long strings far faster than literal maps.
// Graph: 40 nodes, 82 relationships; built="2024-11-14", documents=5, generator="graphbuild 0.1.0"

CREATE CONSTRAINT `graphbuild_Article_id` IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Event_id` IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Location_id` IF NOT EXISTS FOR (n:`Location`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Organization_id` IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Person_id` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;

CREATE INDEX `graphbuild_Article_date` IF NOT EXISTS FOR (n:`Article`) ON (n.`date`);

WITH [x IN split('=000_f538d7a8210908c8|=001_0c4a1187e97c4c62|=002_abcd3248882802e3|=003_f2308b668f01e3ab|=004_baf44860b0de4dcc', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('||||=2024-11-14', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=000_f538d7a8210908c8.txt|=001_0c4a1187e97c4c62.txt|=002_abcd3248882802e3.txt|=003_f2308b668f01e3ab.txt|=004_baf44860b0de4dcc.txt', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c2,
     [x IN split('=a2a91a4e0edcea3ea56f36d08d90622e4e274573430cf504090cfa300be6835e|=4aaf283e580ef831317fdd3e0e42445876d91df307708be7e75b51874ae35016|=9afd19ac933b6ddfde88952b8b336981d9af917fdcd24302688ab581f6546228|=44bfeb812bc6f95bb4685d5fc2033059928f3e28a0af85b629d042cf1fa44c0b|=9c4bc6d683a72aa1cfb9c96ec208e0a561923379e88cd29378e5238db3be852a', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3,
     [x IN split('=Russia and China put on a brave face in defense meeting||||=Russian defense official visits China\'s premier military showcase in a sign of unity', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c4,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c5
UNWIND [i IN range(0, 4) | {`id`: c0[i], `props`: {`date`: c1[i], `id`: c0[i], `path`: c2[i], `sha256`: c3[i], `title`: c4[i], `written_by`: c5[i]}}] AS row
MERGE (n:`Article` {id: row.id})
SET n = row.props;

WITH [x IN split('=event:cold-war', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('==Cold War', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c1,
     [x IN split('=2', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=Cold War', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3,
     [x IN split('==001_0c4a1187e97c4c62~=003_f2308b668f01e3ab', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c4,
     [x IN split('=', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c6
UNWIND [i IN range(0, 0) | {`id`: c0[i], `props`: {`aliases`: c1[i], `id`: c0[i], `mentions`: c2[i], `name`: c3[i], `sources`: c4[i], `titles`: c5[i], `written_by`: c6[i]}}] AS row
MERGE (n:`Event` {id: row.id})
SET n = row.props;

WITH [x IN split('=location:beijing|=location:china|=location:egypt|=location:ethiopia|=location:europe|=location:far-east|=location:iran|=location:kazan|=location:moscow|=location:north-korea|=location:pyongyang|=location:qingdao|=location:russia|=location:saudi-arabia|=location:south-china-sea|=location:ukraine|=location:united-arab-emirates|=location:united-states|=location:zhuhai', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('==Beijing|==China|==Egypt|==Ethiopia|==Europe|==Far East|==Iran|==Kazan|==Moscow|==North Korea|==Pyongyang|==Qingdao|==Russia|==Saudi Arabia|==South China Sea|==Ukraine|==United Arab Emirates|==United States|==Zhuhai', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c1,
     [x IN split('=10|=34|=1|=1|=2|=1|=1|=1|=10|=1|=1|=2|=34|=1|=1|=15|=1|=6|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=Beijing|=China|=Egypt|=Ethiopia|=Europe|=Far East|=Iran|=Kazan|=Moscow|=North Korea|=Pyongyang|=Qingdao|=Russia|=Saudi Arabia|=South China Sea|=Ukraine|=United Arab Emirates|=United States|=Zhuhai', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3,
     [x IN split('==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=002_abcd3248882802e3~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=002_abcd3248882802e3~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8|==000_f538d7a8210908c8|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62|==000_f538d7a8210908c8|==000_f538d7a8210908c8|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=002_abcd3248882802e3~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8|==000_f538d7a8210908c8|==002_abcd3248882802e3|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=002_abcd3248882802e3~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8|==002_abcd3248882802e3|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=002_abcd3248882802e3~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=004_baf44860b0de4dcc|==004_baf44860b0de4dcc', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c4,
     [x IN split('=|=|=|=|=|=|=|=|=|=|=|=|=|=|=|=|=|=|=', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c6
UNWIND [i IN range(0, 18) | {`id`: c0[i], `props`: {`aliases`: c1[i], `id`: c0[i], `mentions`: c2[i], `name`: c3[i], `sources`: c4[i], `titles`: c5[i], `written_by`: c6[i]}}] AS row
MERGE (n:`Location` {id: row.id})
SET n = row.props;

WITH [x IN split('=organization:central-military-commission|=organization:kremlin|=organization:nato|=organization:russian-federation-security-council|=organization:united-nations|=organization:world-bank', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('==Central Military Commission|==Kremlin|==NATO|==Russian Federation Security Council|==United Nations|==World Bank', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c1,
     [x IN split('=1|=1|=1|=1|=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=Central Military Commission|=Kremlin|=NATO|=Russian Federation Security Council|=United Nations|=World Bank', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3,
     [x IN split('==000_f538d7a8210908c8|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62|==004_baf44860b0de4dcc|==002_abcd3248882802e3|==002_abcd3248882802e3', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c4,
     [x IN split('=|=|=|=|=|=', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c6
UNWIND [i IN range(0, 5) | {`id`: c0[i], `props`: {`aliases`: c1[i], `id`: c0[i], `mentions`: c2[i], `name`: c3[i], `sources`: c4[i], `titles`: c5[i], `written_by`: c6[i]}}] AS row
MERGE (n:`Organization` {id: row.id})
SET n = row.props;

WITH [x IN split('=person:andrei-belousov|=person:andrei-bozhovsky|=person:blake-preston|=person:dong-zhuo|=person:li-shangfu|=person:sergei-shoigu|=person:vladimir-putin|=person:xi-jinping|=person:zhang-youxia', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('==Andrei Belousov|==Andrei Bozhovsky|==Blake Preston|==Dong Zhuo|==Li~=Li Shangfu|==Sergei Shoigu~=Shoigu|==Putin~=Vladimir Putin|==Xi~=Xi Jinping|==Zhang Youxia', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c1,
     [x IN split('=2|=1|=1|=1|=2|=3|=7|=5|=2', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=Andrei Belousov|=Andrei Bozhovsky|=Blake Preston|=Dong Zhuo|=Li Shangfu|=Sergei Shoigu|=Vladimir Putin|=Xi Jinping|=Zhang Youxia', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3,
     [x IN split('==000_f538d7a8210908c8|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62~=004_baf44860b0de4dcc|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==000_f538d7a8210908c8~=001_0c4a1187e97c4c62~=003_f2308b668f01e3ab|==000_f538d7a8210908c8', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c4,
     [x IN split('==Defence Minister~=Defense Minister|==Defense Minister|=|=|==General|==Defense Minister~=secretary~=secretary of the Russian Federation Security Council|==President|==President~=leader|==Vice Chairman~=civilian defense official', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c6
UNWIND [i IN range(0, 8) | {`id`: c0[i], `props`: {`aliases`: c1[i], `id`: c0[i], `mentions`: c2[i], `name`: c3[i], `sources`: c4[i], `titles`: c5[i], `written_by`: c6[i]}}] AS row
MERGE (n:`Person` {id: row.id})
SET n = row.props;

WITH [x IN split('=person:andrei-belousov|=person:andrei-bozhovsky|=person:sergei-shoigu|=person:vladimir-putin|=person:xi-jinping|=person:zhang-youxia', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=location:russia|=location:russia|=location:russia|=location:russia|=location:china|=location:china', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=2|=1|=1|=3|=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('==000_f538d7a8210908c8~=000_f538d7a8210908c8|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==001_0c4a1187e97c4c62|==000_f538d7a8210908c8', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c3,
     [x IN split('==277~=752|==208|==460|==296~=179~=2600|==460|==752', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c4,
     [x IN split('==Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.~=Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.|==The recent high-level meeting between Russian Defense Minister Andrei Bozhovsky and his Chinese counterpart, Dong Zhuo, in Qingdao has underscored a deepening strategic partnership between Moscow and Beijing.|==Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.|==Russian President Vladimir Putin met with China\'s defense minister on Blake PrestonSunday, underscoring Beijing\'s strengthening engagement with Moscow, with which it has largely aligned its foreign policy in an attempt to diminish the influence of the United States and other Western democracies.~=Russian President Vladimir Putin\'s visit to China highlights the deepening alliance between the two nations, who have been increasingly at odds with the U.S.-led democratic order.~=Weeks before Russia\'s February 2022 full-on invasion of Ukraine, Russian President Vladimir Putin visited Beijing and the sides signed a lengthy cooperation agreement pledging an unlimited partnership.|==Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.|==Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('==57~=545|==0|==297|==0~=0~=2399|==297|==545', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c6,
     [x IN split('==000_f538d7a8210908c8|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62~=003_f2308b668f01e3ab~=004_baf44860b0de4dcc|==001_0c4a1187e97c4c62|==000_f538d7a8210908c8', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c7,
     [x IN split('=Defence Minister|=Defense Minister|=Defense Minister|=President|=leader|=civilian defense official', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c8,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c9
UNWIND [i IN range(0, 5) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `evidence_docs`: c3[i], `evidence_ends`: c4[i], `evidence_sentences`: c5[i], `evidence_starts`: c6[i], `sources`: c7[i], `title`: c8[i], `written_by`: c9[i]}}] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Location` {id: row.target})
MERGE (a)-[r:`HOLDS_POSITION`]->(b)
SET r = row.props;

WITH [x IN split('=person:sergei-shoigu|=person:zhang-youxia', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=organization:russian-federation-security-council|=organization:central-military-commission', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('==004_baf44860b0de4dcc|==000_f538d7a8210908c8', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c3,
     [x IN split('==1735|==277', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c4,
     [x IN split('==Sergei Shoigu, secretary of the Russian Federation Security Council, was in the southern city of Zhuhai to view Chinese and Russian aircraft and other military hardware on Thursday.|==Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('==1554|==57', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c6,
     [x IN split('=secretary|=Vice Chairman', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c7,
     [x IN split('=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c8
UNWIND [i IN range(0, 1) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `evidence_docs`: c3[i], `evidence_ends`: c4[i], `evidence_sentences`: c5[i], `evidence_starts`: c6[i], `sources`: c3[i], `title`: c7[i], `written_by`: c8[i]}}] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Organization` {id: row.target})
MERGE (a)-[r:`HOLDS_POSITION`]->(b)
SET r = row.props;

WITH [x IN split('=001_0c4a1187e97c4c62|=003_f2308b668f01e3ab', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=event:cold-war|=event:cold-war', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3
UNWIND [i IN range(0, 1) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `written_by`: c3[i]}}] AS row
MATCH (a:`Article` {id: row.source})
MATCH (b:`Event` {id: row.target})
MERGE (a)-[r:`MENTIONS`]->(b)
SET r = row.props;

WITH [x IN split('=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=002_abcd3248882802e3|=002_abcd3248882802e3|=002_abcd3248882802e3|=002_abcd3248882802e3|=002_abcd3248882802e3|=002_abcd3248882802e3|=002_abcd3248882802e3|=003_f2308b668f01e3ab|=003_f2308b668f01e3ab|=003_f2308b668f01e3ab|=003_f2308b668f01e3ab|=003_f2308b668f01e3ab|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=location:beijing|=location:china|=location:egypt|=location:ethiopia|=location:europe|=location:iran|=location:kazan|=location:moscow|=location:north-korea|=location:pyongyang|=location:russia|=location:saudi-arabia|=location:ukraine|=location:united-arab-emirates|=location:united-states|=location:beijing|=location:china|=location:europe|=location:far-east|=location:moscow|=location:russia|=location:ukraine|=location:united-states|=location:beijing|=location:china|=location:moscow|=location:qingdao|=location:russia|=location:south-china-sea|=location:ukraine|=location:beijing|=location:china|=location:moscow|=location:russia|=location:ukraine|=location:beijing|=location:china|=location:moscow|=location:russia|=location:ukraine|=location:united-states|=location:zhuhai', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=5|=7|=1|=1|=1|=1|=1|=1|=1|=1|=7|=1|=3|=1|=2|=1|=8|=1|=1|=3|=6|=3|=3|=1|=5|=1|=2|=6|=1|=1|=2|=9|=4|=9|=5|=1|=5|=1|=6|=3|=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3
UNWIND [i IN range(0, 41) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `written_by`: c3[i]}}] AS row
MATCH (a:`Article` {id: row.source})
MATCH (b:`Location` {id: row.target})
MERGE (a)-[r:`MENTIONS`]->(b)
SET r = row.props;

WITH [x IN split('=000_f538d7a8210908c8|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=002_abcd3248882802e3|=002_abcd3248882802e3|=004_baf44860b0de4dcc', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=organization:central-military-commission|=organization:kremlin|=organization:nato|=organization:united-nations|=organization:world-bank|=organization:russian-federation-security-council', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=1|=1|=1|=1|=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3
UNWIND [i IN range(0, 5) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `written_by`: c3[i]}}] AS row
MATCH (a:`Article` {id: row.source})
MATCH (b:`Organization` {id: row.target})
MERGE (a)-[r:`MENTIONS`]->(b)
SET r = row.props;

WITH [x IN split('=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=000_f538d7a8210908c8|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=001_0c4a1187e97c4c62|=002_abcd3248882802e3|=002_abcd3248882802e3|=003_f2308b668f01e3ab|=003_f2308b668f01e3ab|=004_baf44860b0de4dcc|=004_baf44860b0de4dcc', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=person:andrei-belousov|=person:vladimir-putin|=person:xi-jinping|=person:zhang-youxia|=person:blake-preston|=person:li-shangfu|=person:sergei-shoigu|=person:vladimir-putin|=person:xi-jinping|=person:andrei-bozhovsky|=person:dong-zhuo|=person:vladimir-putin|=person:xi-jinping|=person:sergei-shoigu|=person:vladimir-putin', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=2|=1|=1|=2|=1|=2|=1|=3|=2|=1|=1|=2|=2|=2|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c3
UNWIND [i IN range(0, 14) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `written_by`: c3[i]}}] AS row
MATCH (a:`Article` {id: row.source})
MATCH (b:`Person` {id: row.target})
MERGE (a)-[r:`MENTIONS`]->(b)
SET r = row.props;

WITH [x IN split('=person:andrei-belousov|=person:andrei-bozhovsky|=person:li-shangfu|=person:li-shangfu|=person:vladimir-putin', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=person:zhang-youxia|=person:dong-zhuo|=person:sergei-shoigu|=person:vladimir-putin|=person:xi-jinping', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=2|=1|=1|=1|=2', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('==000_f538d7a8210908c8~=000_f538d7a8210908c8|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62|==000_f538d7a8210908c8~=003_f2308b668f01e3ab', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c3,
     [x IN split('==277~=752|==208|==460|==460|==1623~=627', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c4,
     [x IN split('==Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.~=Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.|==The recent high-level meeting between Russian Defense Minister Andrei Bozhovsky and his Chinese counterpart, Dong Zhuo, in Qingdao has underscored a deepening strategic partnership between Moscow and Beijing.|==Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.|==Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.|==All eyes are now on next week’s BRICS summit in Kazan, Russia, where Presidents Xi Jinping and Vladimir Putin will meet.~=Putin and Xi have met over 40 times, fostering a close personal bond to reinforce their strategic partnership amidst growing tensions with Western nations.', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('==57~=545|==0|==297|==297|==1503~=472', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c6,
     [x IN split('==occurred~=occurred|==occurred|==occurred|==occurred|==planned~=occurred', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c7,
     [x IN split('=Beijing||||', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c8,
     [x IN split('==000_f538d7a8210908c8|==002_abcd3248882802e3|==001_0c4a1187e97c4c62|==001_0c4a1187e97c4c62|==000_f538d7a8210908c8~=003_f2308b668f01e3ab', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c9,
     [x IN split('=occurred|=occurred|=occurred|=occurred|=occurred', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c10,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c11
UNWIND [i IN range(0, 4) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `evidence_docs`: c3[i], `evidence_ends`: c4[i], `evidence_sentences`: c5[i], `evidence_starts`: c6[i], `evidence_statuses`: c7[i], `place`: c8[i], `sources`: c9[i], `status`: c10[i], `written_by`: c11[i]}}] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Person` {id: row.target})
MERGE (a)-[r:`MET`]->(b)
SET r = row.props;

WITH [x IN split('=person:sergei-shoigu|=person:vladimir-putin|=person:vladimir-putin|=person:xi-jinping', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c0,
     [x IN split('=location:zhuhai|=location:beijing|=location:china|=location:moscow', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c1,
     [x IN split('=1|=1|=1|=1', '|') | CASE x WHEN '' THEN null ELSE toInteger(substring(x, 1)) END] AS c2,
     [x IN split('==004_baf44860b0de4dcc|==004_baf44860b0de4dcc|==003_f2308b668f01e3ab|==001_0c4a1187e97c4c62', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c3,
     [x IN split('==1735|==2600|==179|==460', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c4,
     [x IN split('==Sergei Shoigu, secretary of the Russian Federation Security Council, was in the southern city of Zhuhai to view Chinese and Russian aircraft and other military hardware on Thursday.|==Weeks before Russia\'s February 2022 full-on invasion of Ukraine, Russian President Vladimir Putin visited Beijing and the sides signed a lengthy cooperation agreement pledging an unlimited partnership.|==Russian President Vladimir Putin\'s visit to China highlights the deepening alliance between the two nations, who have been increasingly at odds with the U.S.-led democratic order.|==Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | substring(e, 1)] END] AS c5,
     [x IN split('==1554|==2399|==0|==297', '|') | CASE x WHEN '' THEN null ELSE [e IN split(substring(x, 1), '~') WHERE e <> '' | toInteger(substring(e, 1))] END] AS c6,
     [x IN split('=graphbuild|=graphbuild|=graphbuild|=graphbuild', '|') | CASE x WHEN '' THEN null ELSE substring(x, 1) END] AS c7
UNWIND [i IN range(0, 3) | {`source`: c0[i], `target`: c1[i], `props`: {`count`: c2[i], `evidence_docs`: c3[i], `evidence_ends`: c4[i], `evidence_sentences`: c5[i], `evidence_starts`: c6[i], `sources`: c3[i], `written_by`: c7[i]}}] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Location` {id: row.target})
MERGE (a)-[r:`VISITED`]->(b)
SET r = row.props;

