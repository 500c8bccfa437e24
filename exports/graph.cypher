// graph.cypher: written by graphbuild; run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.
// Idempotent: MERGE on id and SET of all properties, so running it twice changes nothing.
// Graph: 34 nodes, 17 relationships; built="2024-11-14", documents=5, generator="graphbuild 0.1.0"

CREATE CONSTRAINT `graphbuild_Event_id` IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Location_id` IF NOT EXISTS FOR (n:`Location`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Organization_id` IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT `graphbuild_Person_id` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;

UNWIND [
  {`id`: 'event:cold-war', `props`: {`aliases`: ['Cold War'], `id`: 'event:cold-war', `mentions`: 2, `name`: 'Cold War', `sources`: ['001_0c4a1187e97c4c62', '003_f2308b668f01e3ab'], `titles`: []}}
] AS row
MERGE (n:`Event` {id: row.id})
SET n = row.props;

UNWIND [
  {`id`: 'location:beijing', `props`: {`aliases`: ['Beijing'], `id`: 'location:beijing', `mentions`: 10, `name`: 'Beijing', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '002_abcd3248882802e3', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:china', `props`: {`aliases`: ['China'], `id`: 'location:china', `mentions`: 34, `name`: 'China', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '002_abcd3248882802e3', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:egypt', `props`: {`aliases`: ['Egypt'], `id`: 'location:egypt', `mentions`: 1, `name`: 'Egypt', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:ethiopia', `props`: {`aliases`: ['Ethiopia'], `id`: 'location:ethiopia', `mentions`: 1, `name`: 'Ethiopia', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:europe', `props`: {`aliases`: ['Europe'], `id`: 'location:europe', `mentions`: 2, `name`: 'Europe', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62'], `titles`: []}},
  {`id`: 'location:far-east', `props`: {`aliases`: ['Far East'], `id`: 'location:far-east', `mentions`: 1, `name`: 'Far East', `sources`: ['001_0c4a1187e97c4c62'], `titles`: []}},
  {`id`: 'location:iran', `props`: {`aliases`: ['Iran'], `id`: 'location:iran', `mentions`: 1, `name`: 'Iran', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:kazan', `props`: {`aliases`: ['Kazan'], `id`: 'location:kazan', `mentions`: 1, `name`: 'Kazan', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:moscow', `props`: {`aliases`: ['Moscow'], `id`: 'location:moscow', `mentions`: 10, `name`: 'Moscow', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '002_abcd3248882802e3', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:north-korea', `props`: {`aliases`: ['North Korea'], `id`: 'location:north-korea', `mentions`: 1, `name`: 'North Korea', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:pyongyang', `props`: {`aliases`: ['Pyongyang'], `id`: 'location:pyongyang', `mentions`: 1, `name`: 'Pyongyang', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:qingdao', `props`: {`aliases`: ['Qingdao'], `id`: 'location:qingdao', `mentions`: 2, `name`: 'Qingdao', `sources`: ['002_abcd3248882802e3'], `titles`: []}},
  {`id`: 'location:russia', `props`: {`aliases`: ['Russia'], `id`: 'location:russia', `mentions`: 34, `name`: 'Russia', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '002_abcd3248882802e3', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:saudi-arabia', `props`: {`aliases`: ['Saudi Arabia'], `id`: 'location:saudi-arabia', `mentions`: 1, `name`: 'Saudi Arabia', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:south-china-sea', `props`: {`aliases`: ['South China Sea'], `id`: 'location:south-china-sea', `mentions`: 1, `name`: 'South China Sea', `sources`: ['002_abcd3248882802e3'], `titles`: []}},
  {`id`: 'location:ukraine', `props`: {`aliases`: ['Ukraine'], `id`: 'location:ukraine', `mentions`: 15, `name`: 'Ukraine', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '002_abcd3248882802e3', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:united-arab-emirates', `props`: {`aliases`: ['United Arab Emirates'], `id`: 'location:united-arab-emirates', `mentions`: 1, `name`: 'United Arab Emirates', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'location:united-states', `props`: {`aliases`: ['United States'], `id`: 'location:united-states', `mentions`: 6, `name`: 'United States', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'location:zhuhai', `props`: {`aliases`: ['Zhuhai'], `id`: 'location:zhuhai', `mentions`: 1, `name`: 'Zhuhai', `sources`: ['004_baf44860b0de4dcc'], `titles`: []}}
] AS row
MERGE (n:`Location` {id: row.id})
SET n = row.props;

UNWIND [
  {`id`: 'organization:central-military-commission', `props`: {`aliases`: ['Central Military Commission'], `id`: 'organization:central-military-commission', `mentions`: 1, `name`: 'Central Military Commission', `sources`: ['000_f538d7a8210908c8'], `titles`: []}},
  {`id`: 'organization:kremlin', `props`: {`aliases`: ['Kremlin'], `id`: 'organization:kremlin', `mentions`: 1, `name`: 'Kremlin', `sources`: ['001_0c4a1187e97c4c62'], `titles`: []}},
  {`id`: 'organization:russian-federation-security-council', `props`: {`aliases`: ['Russian Federation Security Council'], `id`: 'organization:russian-federation-security-council', `mentions`: 1, `name`: 'Russian Federation Security Council', `sources`: ['004_baf44860b0de4dcc'], `titles`: []}},
  {`id`: 'organization:united-nations', `props`: {`aliases`: ['United Nations'], `id`: 'organization:united-nations', `mentions`: 1, `name`: 'United Nations', `sources`: ['002_abcd3248882802e3'], `titles`: []}},
  {`id`: 'organization:world-bank', `props`: {`aliases`: ['World Bank'], `id`: 'organization:world-bank', `mentions`: 1, `name`: 'World Bank', `sources`: ['002_abcd3248882802e3'], `titles`: []}}
] AS row
MERGE (n:`Organization` {id: row.id})
SET n = row.props;

UNWIND [
  {`id`: 'person:andrei-belousov', `props`: {`aliases`: ['Andrei Belousov'], `id`: 'person:andrei-belousov', `mentions`: 2, `name`: 'Andrei Belousov', `sources`: ['000_f538d7a8210908c8'], `titles`: ['Defence Minister', 'Defense Minister']}},
  {`id`: 'person:andrei-bozhovsky', `props`: {`aliases`: ['Andrei Bozhovsky'], `id`: 'person:andrei-bozhovsky', `mentions`: 1, `name`: 'Andrei Bozhovsky', `sources`: ['002_abcd3248882802e3'], `titles`: ['Defense Minister']}},
  {`id`: 'person:blake-preston', `props`: {`aliases`: ['Blake Preston'], `id`: 'person:blake-preston', `mentions`: 1, `name`: 'Blake Preston', `sources`: ['001_0c4a1187e97c4c62'], `titles`: []}},
  {`id`: 'person:dong-zhuo', `props`: {`aliases`: ['Dong Zhuo'], `id`: 'person:dong-zhuo', `mentions`: 1, `name`: 'Dong Zhuo', `sources`: ['002_abcd3248882802e3'], `titles`: []}},
  {`id`: 'person:li-shangfu', `props`: {`aliases`: ['Li', 'Li Shangfu'], `id`: 'person:li-shangfu', `mentions`: 2, `name`: 'Li Shangfu', `sources`: ['001_0c4a1187e97c4c62'], `titles`: ['General']}},
  {`id`: 'person:sergei-shoigu', `props`: {`aliases`: ['Sergei Shoigu', 'Shoigu'], `id`: 'person:sergei-shoigu', `mentions`: 3, `name`: 'Sergei Shoigu', `sources`: ['001_0c4a1187e97c4c62', '004_baf44860b0de4dcc'], `titles`: ['Defense Minister', 'secretary']}},
  {`id`: 'person:vladimir-putin', `props`: {`aliases`: ['Putin', 'Vladimir Putin'], `id`: 'person:vladimir-putin', `mentions`: 7, `name`: 'Vladimir Putin', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `titles`: ['President']}},
  {`id`: 'person:xi-jinping', `props`: {`aliases`: ['Xi', 'Xi Jinping'], `id`: 'person:xi-jinping', `mentions`: 5, `name`: 'Xi Jinping', `sources`: ['000_f538d7a8210908c8', '001_0c4a1187e97c4c62', '003_f2308b668f01e3ab'], `titles`: ['President', 'leader']}},
  {`id`: 'person:zhang-youxia', `props`: {`aliases`: ['Zhang Youxia'], `id`: 'person:zhang-youxia', `mentions`: 2, `name`: 'Zhang Youxia', `sources`: ['000_f538d7a8210908c8'], `titles`: ['Vice Chairman', 'civilian defense official']}}
] AS row
MERGE (n:`Person` {id: row.id})
SET n = row.props;

UNWIND [
  {`source`: 'person:andrei-belousov', `target`: 'location:russia', `props`: {`count`: 2, `evidence_docs`: ['000_f538d7a8210908c8', '000_f538d7a8210908c8'], `evidence_sentences`: ['Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.', 'Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.'], `evidence_starts`: [57, 545], `evidence_ends`: [277, 752], `sources`: ['000_f538d7a8210908c8'], `title`: 'Defence Minister'}},
  {`source`: 'person:andrei-bozhovsky', `target`: 'location:russia', `props`: {`count`: 1, `evidence_docs`: ['002_abcd3248882802e3'], `evidence_sentences`: ['The recent high-level meeting between Russian Defense Minister Andrei Bozhovsky and his Chinese counterpart, Dong Zhuo, in Qingdao has underscored a deepening strategic partnership between Moscow and Beijing.'], `evidence_starts`: [0], `evidence_ends`: [208], `sources`: ['002_abcd3248882802e3'], `title`: 'Defense Minister'}},
  {`source`: 'person:sergei-shoigu', `target`: 'location:russia', `props`: {`count`: 1, `evidence_docs`: ['001_0c4a1187e97c4c62'], `evidence_sentences`: ['Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.'], `evidence_starts`: [297], `evidence_ends`: [460], `sources`: ['001_0c4a1187e97c4c62'], `title`: 'Defense Minister'}},
  {`source`: 'person:vladimir-putin', `target`: 'location:russia', `props`: {`count`: 3, `evidence_docs`: ['001_0c4a1187e97c4c62', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `evidence_sentences`: ['Russian President Vladimir Putin met with China\'s defense minister on Blake PrestonSunday, underscoring Beijing\'s strengthening engagement with Moscow, with which it has largely aligned its foreign policy in an attempt to diminish the influence of the United States and other Western democracies.', 'Russian President Vladimir Putin\'s visit to China highlights the deepening alliance between the two nations, who have been increasingly at odds with the U.S.-led democratic order.', 'Weeks before Russia\'s February 2022 full-on invasion of Ukraine, Russian President Vladimir Putin visited Beijing and the sides signed a lengthy cooperation agreement pledging an unlimited partnership.'], `evidence_starts`: [0, 0, 2399], `evidence_ends`: [296, 179, 2600], `sources`: ['001_0c4a1187e97c4c62', '003_f2308b668f01e3ab', '004_baf44860b0de4dcc'], `title`: 'President'}},
  {`source`: 'person:xi-jinping', `target`: 'location:china', `props`: {`count`: 1, `evidence_docs`: ['001_0c4a1187e97c4c62'], `evidence_sentences`: ['Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.'], `evidence_starts`: [297], `evidence_ends`: [460], `sources`: ['001_0c4a1187e97c4c62'], `title`: 'leader'}},
  {`source`: 'person:zhang-youxia', `target`: 'location:china', `props`: {`count`: 1, `evidence_docs`: ['000_f538d7a8210908c8'], `evidence_sentences`: ['Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.'], `evidence_starts`: [545], `evidence_ends`: [752], `sources`: ['000_f538d7a8210908c8'], `title`: 'civilian defense official'}}
] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Location` {id: row.target})
MERGE (a)-[r:`HOLDS_POSITION`]->(b)
SET r = row.props;

UNWIND [
  {`source`: 'person:sergei-shoigu', `target`: 'organization:russian-federation-security-council', `props`: {`count`: 1, `evidence_docs`: ['004_baf44860b0de4dcc'], `evidence_sentences`: ['Sergei Shoigu, secretary of the Russian Federation Security Council, was in the southern city of Zhuhai to view Chinese and Russian aircraft and other military hardware on Thursday.'], `evidence_starts`: [1554], `evidence_ends`: [1735], `sources`: ['004_baf44860b0de4dcc'], `title`: 'secretary'}},
  {`source`: 'person:zhang-youxia', `target`: 'organization:central-military-commission', `props`: {`count`: 1, `evidence_docs`: ['000_f538d7a8210908c8'], `evidence_sentences`: ['Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.'], `evidence_starts`: [57], `evidence_ends`: [277], `sources`: ['000_f538d7a8210908c8'], `title`: 'Vice Chairman'}}
] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Organization` {id: row.target})
MERGE (a)-[r:`HOLDS_POSITION`]->(b)
SET r = row.props;

UNWIND [
  {`source`: 'person:andrei-belousov', `target`: 'person:zhang-youxia', `props`: {`count`: 2, `evidence_docs`: ['000_f538d7a8210908c8', '000_f538d7a8210908c8'], `evidence_sentences`: ['Andrei Belousov, Russia\'s Defence Minister, attends a meeting with Zhang Youxia, Vice Chairman of China\'s Central Military Commission, in Beijing, China, in this still image taken from video released on October 15, 2024.', 'Russian Defense Minister Andrei Belousovmet with China’s top civilian defense official Zhang Youxia on Tuesday in Beijing, where both sides pledged to “continue working closely” to deepen military relations.'], `evidence_starts`: [57, 545], `evidence_ends`: [277, 752], `place`: 'Beijing', `sources`: ['000_f538d7a8210908c8'], `status`: 'occurred'}},
  {`source`: 'person:andrei-bozhovsky', `target`: 'person:dong-zhuo', `props`: {`count`: 1, `evidence_docs`: ['002_abcd3248882802e3'], `evidence_sentences`: ['The recent high-level meeting between Russian Defense Minister Andrei Bozhovsky and his Chinese counterpart, Dong Zhuo, in Qingdao has underscored a deepening strategic partnership between Moscow and Beijing.'], `evidence_starts`: [0], `evidence_ends`: [208], `sources`: ['002_abcd3248882802e3'], `status`: 'occurred'}},
  {`source`: 'person:li-shangfu', `target`: 'person:sergei-shoigu', `props`: {`count`: 1, `evidence_docs`: ['001_0c4a1187e97c4c62'], `evidence_sentences`: ['Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.'], `evidence_starts`: [297], `evidence_ends`: [460], `sources`: ['001_0c4a1187e97c4c62'], `status`: 'occurred'}},
  {`source`: 'person:li-shangfu', `target`: 'person:vladimir-putin', `props`: {`count`: 1, `evidence_docs`: ['001_0c4a1187e97c4c62'], `evidence_sentences`: ['Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.'], `evidence_starts`: [297], `evidence_ends`: [460], `sources`: ['001_0c4a1187e97c4c62'], `status`: 'occurred'}},
  {`source`: 'person:vladimir-putin', `target`: 'person:xi-jinping', `props`: {`count`: 2, `evidence_docs`: ['000_f538d7a8210908c8', '003_f2308b668f01e3ab'], `evidence_sentences`: ['All eyes are now on next week’s BRICS summit in Kazan, Russia, where Presidents Xi Jinping and Vladimir Putin will meet.', 'Putin and Xi have met over 40 times, fostering a close personal bond to reinforce their strategic partnership amidst growing tensions with Western nations.'], `evidence_starts`: [1503, 472], `evidence_ends`: [1623, 627], `sources`: ['000_f538d7a8210908c8', '003_f2308b668f01e3ab'], `status`: 'occurred'}}
] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Person` {id: row.target})
MERGE (a)-[r:`MET`]->(b)
SET r = row.props;

UNWIND [
  {`source`: 'person:sergei-shoigu', `target`: 'location:zhuhai', `props`: {`count`: 1, `evidence_docs`: ['004_baf44860b0de4dcc'], `evidence_sentences`: ['Sergei Shoigu, secretary of the Russian Federation Security Council, was in the southern city of Zhuhai to view Chinese and Russian aircraft and other military hardware on Thursday.'], `evidence_starts`: [1554], `evidence_ends`: [1735], `sources`: ['004_baf44860b0de4dcc']}},
  {`source`: 'person:vladimir-putin', `target`: 'location:beijing', `props`: {`count`: 1, `evidence_docs`: ['004_baf44860b0de4dcc'], `evidence_sentences`: ['Weeks before Russia\'s February 2022 full-on invasion of Ukraine, Russian President Vladimir Putin visited Beijing and the sides signed a lengthy cooperation agreement pledging an unlimited partnership.'], `evidence_starts`: [2399], `evidence_ends`: [2600], `sources`: ['004_baf44860b0de4dcc']}},
  {`source`: 'person:vladimir-putin', `target`: 'location:china', `props`: {`count`: 1, `evidence_docs`: ['003_f2308b668f01e3ab'], `evidence_sentences`: ['Russian President Vladimir Putin\'s visit to China highlights the deepening alliance between the two nations, who have been increasingly at odds with the U.S.-led democratic order.'], `evidence_starts`: [0], `evidence_ends`: [179], `sources`: ['003_f2308b668f01e3ab']}},
  {`source`: 'person:xi-jinping', `target`: 'location:moscow', `props`: {`count`: 1, `evidence_docs`: ['001_0c4a1187e97c4c62'], `evidence_sentences`: ['Putin and Russian Defense Minister Sergei Shoigu met with Gen. Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.'], `evidence_starts`: [297], `evidence_ends`: [460], `sources`: ['001_0c4a1187e97c4c62']}}
] AS row
MATCH (a:`Person` {id: row.source})
MATCH (b:`Location` {id: row.target})
MERGE (a)-[r:`VISITED`]->(b)
SET r = row.props;

