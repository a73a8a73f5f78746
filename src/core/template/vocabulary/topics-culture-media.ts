// Vocabularies for culture, media and the arts.
import { defineDataset as d, type TopicVocabulary } from './vocabulary-types.ts';

export const CULTURE_MEDIA_VOCABULARIES: TopicVocabulary[] = [
  { topicId: 'social-media-web', datasets: [
    d('monthly active users', 'Active users', 'million', [5, 400], 0, 'platform', 'PhotoGram|ChatterBox|VidStream|LinkUp|PinBoard|SnapTalk|ForumHub|MicroBlog', 'age group', '13–17|18–24|25–34|35+', '{subject} by platform|{subject}, {start}–{end}'),
    d('engagement rate', 'Engagement', '%', [0.5, 12], 1, 'post type', 'Photo|Video|Reel|Poll|Link|Text|Live|Story', 'account size', 'Nano|Micro|Mid|Macro', '{subject} by post type|{subject}, {start}–{end}'),
  ] },
  { topicId: 'sports-entertainment', datasets: [
    d('stadium attendance', 'Attendance', 'thousand fans', [5, 90], 0, 'club', 'Rovers|United|Athletic|City|Wanderers|Rangers|Albion|Villa', 'competition', 'League|Cup|Friendly|Playoffs', '{subject} by club|{subject}, {start}–{end}'),
    d('goals scored', 'Goals', 'goals', [10, 95], 0, 'team', 'Falcons|Tigers|Sharks|Wolves|Eagles|Bears|Lions|Hawks', 'season half', 'Home|Away|Cup|Friendly', '{subject} by team|{subject}, {start}–{end}'),
  ] },
  { topicId: 'history-culture', datasets: [
    d('museum visitors', 'Visitors', 'thousand', [20, 900], 0, 'museum', 'National Gallery|History Museum|Maritime Museum|War Memorial|Folk Museum|Science Hall|Palace|Archive', 'visitor type', 'Residents|Tourists|Students|Members', '{subject} by museum|{subject}, {start}–{end}'),
    d('heritage sites restored', 'Sites', 'sites', [2, 60], 0, 'era', 'Roman|Medieval|Renaissance|Baroque|Colonial|Industrial|Modern|Ancient', 'region', 'North|South|East|West', '{subject} by era|{subject}, {start}–{end}'),
  ] },
  { topicId: 'art-design', datasets: [
    d('gallery sales', 'Sales', 'thousand USD', [10, 500], 0, 'medium', 'Oil|Watercolour|Sculpture|Photography|Print|Digital|Ceramics|Textile', 'gallery', 'Blue Door|White Cube|Red Barn|Loft 9', '{subject} by medium|{subject}, {start}–{end}'),
    d('design award entries', 'Entries', 'entries', [20, 400], 0, 'category', 'Product|Graphic|Interior|Fashion|UX|Packaging|Lighting|Furniture', 'region', 'Europe|Asia|Americas|Africa', '{subject} by category|{subject}, {start}–{end}'),
  ] },
  { topicId: 'religion', datasets: [
    d('pilgrim visits', 'Visits', 'thousand', [10, 800], 0, 'site', 'Santiago|Lourdes|Varanasi|Bodh Gaya|Fatima|Assisi|Kyoto temples|Mount Athos', 'season', 'Spring|Summer|Autumn|Winter', '{subject} by site|{subject}, {start}–{end}'),
    d('festival attendance', 'Attendance', 'thousand', [5, 300], 0, 'festival', 'Diwali fair|Easter market|Vesak|Hanukkah lights|Eid bazaar|Christmas fair|Holi|Lantern night', 'city', 'Riverton|Lakeview|Hillport|Baytown', '{subject} by festival|{subject}, {start}–{end}'),
  ] },
  { topicId: 'language-communication', datasets: [
    d('language learners', 'Learners', 'thousand', [10, 600], 0, 'language', 'Spanish|French|German|Mandarin|Japanese|Arabic|Italian|Korean', 'format', 'App|Classroom|Online tutor|Exchange', '{subject} by language|{subject}, {start}–{end}'),
    d('translation volume', 'Volume', 'thousand pages', [5, 250], 0, 'document type', 'Legal|Medical|Technical|Marketing|Literary|Financial|Academic|Subtitles', 'agency', 'LinguaPro|WordBridge|TransGlobe|Polyglot', '{subject} by document type|{subject}, {start}–{end}'),
  ] },
  { topicId: 'music-performance', datasets: [
    d('streams', 'Streams', 'million', [5, 500], 0, 'genre', 'Pop|Rock|Hip-hop|Jazz|Classical|Country|Electronic|Latin', 'service', 'TuneBox|SoundWave|BeatHub|EchoPlay', '{subject} by genre|{subject}, {start}–{end}'),
    d('concert ticket sales', 'Tickets', 'thousand', [2, 120], 0, 'venue', 'Arena|Opera House|Jazz Club|Amphitheatre|Park Stage|Concert Hall|Stadium|Theatre', 'tour', 'Spring tour|Summer tour|Autumn tour|Winter tour', '{subject} by venue|{subject}, {start}–{end}'),
  ] },
  { topicId: 'film', datasets: [
    d('box office revenue', 'Revenue', 'million USD', [10, 900], 0, 'genre', 'Action|Comedy|Drama|Horror|Animation|Sci-fi|Romance|Documentary', 'studio', 'Silverlight|Northstar|Redwood|Paragon', '{subject} by genre|{subject}, {start}–{end}'),
    d('audience score', 'Score', 'points out of 100', [40, 98], 1, 'film', 'Night Harbor|Red Meridian|Paper Moons|The Long Road|Glass City|Echo Park|Iron Bloom|Quiet Storm', 'audience', 'Critics|Teens|Adults|Families', '{subject} by film|{subject}, {start}–{end}'),
  ] },
  { topicId: 'literature', datasets: [
    d('novels published', 'Novels', 'titles', [20, 600], 0, 'genre', 'Mystery|Romance|Fantasy|Sci-fi|Historical|Thriller|Literary|Horror', 'publisher type', 'Big five|Independent|Self-published|University', '{subject} by genre|{subject}, {start}–{end}'),
    d('reading time', 'Reading time', 'minutes per day', [5, 90], 1, 'reader group', 'Students|Retirees|Commuters|Parents|Teachers|Nurses|Engineers|Artists', 'format', 'Print|E-book|Audiobook|Magazine', '{subject} by reader group|{subject}, {start}–{end}'),
  ] },
  { topicId: 'books-publishing', datasets: [
    d('book sales', 'Copies sold', 'thousand', [10, 700], 0, 'format', 'Hardcover|Paperback|E-book|Audiobook|Box set|Graphic novel|Large print|Pocket', 'imprint', 'Harbor Press|Quill|Lantern Books|Northwind', '{subject} by format|{subject}, {start}–{end}'),
    d('average book price', 'Price', 'USD', [5, 45], 1, 'genre', 'Cookbook|Biography|Textbook|Children|Poetry|Travel|Self-help|Art book', 'channel', 'Bookstore|Online|Supermarket|Airport', '{subject} by genre|{subject}, {start}–{end}'),
  ] },
];
