// Vocabularies for science, technology and innovation.
import { defineDataset as d, type TopicVocabulary } from './vocabulary-types.ts';

export const SCIENCE_TECH_VOCABULARIES: TopicVocabulary[] = [
  { topicId: 'science-engineering', datasets: [
    d('tensile strength', 'Strength', 'MPa', [150, 900], 0, 'alloy', 'Alloy A1|Alloy B2|Alloy C3|Alloy D4|Alloy E5|Alloy F6|Alloy G7|Alloy H8', 'treatment', 'Annealed|Quenched|Tempered|Cold-rolled', '{subject} by alloy|{subject}, {start}–{end}'),
    d('patent filings', 'Patents', 'filings', [20, 900], 0, 'field', 'Batteries|Semiconductors|Robotics|Optics|Materials|Biotech|Aerospace|Sensors', 'lab', 'Lab North|Lab South|Lab East|Lab West', '{subject} by field|{subject}, {start}–{end}'),
  ] },
  { topicId: 'mathematics-statistics', datasets: [
    d('competition scores', 'Score', 'points', [10, 100], 0, 'problem set', 'Algebra|Geometry|Number theory|Combinatorics|Probability|Calculus|Logic|Statistics', 'team', 'Team Euler|Team Gauss|Team Noether|Team Turing', '{subject} by problem set|{subject}, {start}–{end}'),
    d('survey response rate', 'Response rate', '%', [20, 90], 1, 'sample', 'Sample A|Sample B|Sample C|Sample D|Sample E|Sample F|Sample G|Sample H', 'mode', 'Phone|Web|Mail|In person', '{subject} by sample|{subject}, {start}–{end}'),
  ] },
  { topicId: 'physics-chemistry', datasets: [
    d('reaction yield', 'Yield', '%', [20, 95], 1, 'catalyst', 'Platinum|Palladium|Nickel|Copper|Iron|Zeolite|Cobalt|Rhodium', 'temperature', '300 K|350 K|400 K|450 K', '{subject} by catalyst|{subject}, {start}–{end}'),
    d('measured half-life', 'Half-life', 'hours', [1, 90], 1, 'isotope', 'I-131|Tc-99m|F-18|Ga-68|In-111|Tl-201|Xe-133|Lu-177', 'detector', 'Detector 1|Detector 2|Detector 3|Detector 4', '{subject} by isotope|{subject}, {start}–{end}'),
  ] },
  { topicId: 'biology', datasets: [
    d('species count', 'Species', 'species', [5, 250], 0, 'habitat', 'Rainforest|Savanna|Wetland|Coral reef|Tundra|Desert|Mangrove|Alpine', 'group', 'Birds|Mammals|Reptiles|Amphibians', '{subject} by habitat|{subject}, {start}–{end}'),
    d('cell growth rate', 'Growth', '% per day', [2, 40], 1, 'cell line', 'HeLa|HEK293|CHO|MCF-7|A549|Jurkat|Vero|NIH-3T3', 'medium', 'Medium A|Medium B|Medium C|Medium D', '{subject} by cell line|{subject}, {start}–{end}'),
  ] },
  { topicId: 'astronomy-space', datasets: [
    d('satellite launches', 'Launches', 'launches', [2, 120], 0, 'launch site', 'Cape Canaveral|Baikonur|Kourou|Vandenberg|Jiuquan|Tanegashima|Sriharikota|Wallops', 'orbit', 'LEO|MEO|GEO|Deep space', '{subject} by site|{subject}, {start}–{end}'),
    d('observed exoplanets', 'Exoplanets', 'planets', [5, 400], 0, 'survey', 'Kepler|TESS|CoRoT|WASP|HATNet|KELT|Gaia|K2', 'planet class', 'Gas giant|Neptune-like|Super-Earth|Terrestrial', '{subject} by survey|{subject}, {start}–{end}'),
  ] },
  { topicId: 'computer-science-it', datasets: [
    d('server response time', 'Response time', 'ms', [20, 800], 0, 'service', 'Auth|Search|Checkout|Catalog|Profile|Payments|Chat|Reports', 'data centre', 'Frankfurt|Virginia|Tokyo|São Paulo', '{subject} by service|{subject}, {start}–{end}'),
    d('developer survey usage', 'Usage', '%', [5, 80], 1, 'language', 'Python|JavaScript|Java|C#|Go|Rust|TypeScript|Kotlin', 'role', 'Backend|Frontend|Data|Mobile', '{subject} by language|{subject}, {start}–{end}'),
  ] },
  { topicId: 'futurism-innovation', datasets: [
    d('venture funding', 'Funding', 'million USD', [10, 900], 0, 'technology', 'Quantum|Fusion|Biotech|Space|Clean energy|AR/VR|Drones|3D printing', 'stage', 'Seed|Series A|Series B|Growth', '{subject} by technology|{subject}, {start}–{end}'),
    d('expected adoption', 'Adoption', '%', [5, 90], 1, 'innovation', 'Self-driving cars|Smart homes|Lab-grown meat|Air taxis|Brain interfaces|Home robots|Vertical farms|Hyperloop', 'region', 'North America|Europe|East Asia|Africa', '{subject} by innovation|{subject}, {start}–{end}'),
  ] },
  { topicId: 'ai-robotics', datasets: [
    d('benchmark accuracy', 'Accuracy', '%', [40, 98], 1, 'task', 'Image labelling|Translation|Speech|Summaries|Coding|Maths|Chart QA|Retrieval', 'model', 'Model Alpha|Model Beta|Model Gamma|Model Delta', '{subject} by task|{subject}, {start}–{end}'),
    d('industrial robot installations', 'Installations', 'thousand units', [2, 120], 0, 'industry', 'Automotive|Electronics|Metal|Plastics|Food|Pharma|Logistics|Textiles', 'country', 'Japan|Germany|Korea|USA|China', '{subject} by industry|{subject}, {start}–{end}'),
  ] },
];
