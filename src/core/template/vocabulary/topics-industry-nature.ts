// Vocabularies for industry, environment and everyday-economy topics.
import { defineDataset as d, type TopicVocabulary } from './vocabulary-types.ts';

export const INDUSTRY_NATURE_VOCABULARIES: TopicVocabulary[] = [
  { topicId: 'environment-sustainability', datasets: [
    d('CO2 emissions', 'Emissions', 'million tonnes', [10, 500], 0, 'sector', 'Power|Transport|Industry|Buildings|Agriculture|Waste|Aviation|Shipping', 'country', 'Norway|Chile|Kenya|Vietnam|Canada', '{subject} by sector|{subject}, {start}–{end}'),
    d('recycling rate', 'Recycling rate', '%', [10, 75], 1, 'material', 'Paper|Glass|Aluminium|Plastic|Steel|Textiles|Electronics|Organic', 'city', 'Oslo|Lyon|Kyoto|Leeds|Quebec', '{subject} by material|{subject}, {start}–{end}'),
  ] },
  { topicId: 'retail-ecommerce', datasets: [
    d('online sales', 'Sales', 'million USD', [5, 250], 0, 'category', 'Electronics|Apparel|Home|Beauty|Toys|Groceries|Books|Sports', 'platform', 'Web store|Mobile app|Marketplace|Social shop', '{subject} by category|{subject}, {start}–{end}'),
    d('average basket size', 'Basket size', 'USD', [15, 140], 1, 'store format', 'Hypermarket|Supermarket|Convenience|Discount|Outlet|Department|Pharmacy|Online', 'customer tier', 'Bronze|Silver|Gold|Platinum', '{subject} by store format|{subject}, {start}–{end}'),
  ] },
  { topicId: 'agriculture-food-production', datasets: [
    d('crop yield', 'Yield', 'tonnes per hectare', [1, 12], 1, 'crop', 'Wheat|Maize|Rice|Barley|Soybean|Potato|Sorghum|Oats', 'region', 'Plains|Valley|Highlands|Delta', '{subject} by crop|{subject}, {start}–{end}'),
    d('milk production', 'Production', 'million litres', [20, 400], 0, 'farm cooperative', 'Green Pastures|Sunny Vale|Clover Hill|Oak Meadow|River Farm|Stone Barn|Willow Creek|Hilltop', 'breed', 'Holstein|Jersey|Guernsey|Brown Swiss', '{subject} by cooperative|{subject}, {start}–{end}'),
  ] },
  { topicId: 'energy-utilities', datasets: [
    d('electricity generation', 'Generation', 'TWh', [5, 300], 0, 'source', 'Coal|Gas|Nuclear|Hydro|Wind|Solar|Biomass|Geothermal', 'grid', 'Northern|Southern|Eastern|Western', '{subject} by source|{subject}, {start}–{end}'),
    d('household energy use', 'Energy use', 'kWh per month', [80, 900], 0, 'appliance', 'Heating|Cooling|Water heater|Lighting|Fridge|Laundry|Cooking|Electronics', 'home type', 'Flat|Terraced|Semi-detached|Detached', '{subject} by appliance|{subject}, {start}–{end}'),
  ] },
  { topicId: 'transportation-logistics', datasets: [
    d('freight volume', 'Freight', 'thousand tonnes', [50, 900], 0, 'port', 'Rotterdam|Hamburg|Antwerp|Valencia|Piraeus|Genoa|Gdansk|Le Havre', 'mode', 'Container|Bulk|Tanker|Ro-Ro', '{subject} by port|{subject}, {start}–{end}'),
    d('on-time delivery rate', 'On-time rate', '%', [60, 99], 1, 'route', 'Route A|Route B|Route C|Route D|Route E|Route F|Route G|Route H', 'carrier', 'FastShip|BlueLine|CargoOne|SwiftFreight', '{subject} by route|{subject}, {start}–{end}'),
  ] },
  { topicId: 'manufacturing', datasets: [
    d('units produced', 'Units', 'thousand units', [10, 500], 0, 'plant', 'Detroit|Monterrey|Pune|Shenzhen|Stuttgart|Nagoya|Turin|Ulsan', 'product', 'Sedans|SUVs|Trucks|Vans', '{subject} by plant|{subject}, {start}–{end}'),
    d('defect rate', 'Defect rate', '%', [0.5, 8], 1, 'production line', 'Line 1|Line 2|Line 3|Line 4|Line 5|Line 6|Line 7|Line 8', 'shift', 'Morning|Afternoon|Night|Weekend', '{subject} by production line|{subject}, {start}–{end}'),
  ] },
  { topicId: 'food-beverage', datasets: [
    d('coffee sales', 'Cups sold', 'thousand cups', [5, 120], 0, 'drink', 'Espresso|Latte|Cappuccino|Americano|Mocha|Flat white|Cold brew|Macchiato', 'café', 'Bean There|Daily Grind|Brew Lab|Cup & Co', '{subject} by drink|{subject}, {start}–{end}'),
    d('restaurant rating', 'Rating', 'points out of 100', [50, 98], 1, 'cuisine', 'Italian|Japanese|Mexican|Indian|Thai|French|Greek|Korean', 'guide', 'Critics|Diners|Delivery app|Travel site', '{subject} by cuisine|{subject}, {start}–{end}'),
  ] },
  { topicId: 'travel', datasets: [
    d('tourist arrivals', 'Arrivals', 'thousand visitors', [50, 900], 0, 'destination', 'Lisbon|Prague|Bali|Cusco|Cape Town|Reykjavik|Hanoi|Marrakesh', 'origin', 'Domestic|Europe|Asia|Americas', '{subject} by destination|{subject}, {start}–{end}'),
    d('hotel occupancy', 'Occupancy', '%', [35, 95], 1, 'hotel', 'Grand Plaza|Seaside Inn|Mountain Lodge|City Suites|Harbor View|Palm Resort|Old Mill|Sky Tower', 'season', 'Winter|Spring|Summer|Autumn', '{subject} by hotel|{subject}, {start}–{end}'),
  ] },
  { topicId: 'fashion', datasets: [
    d('garment sales', 'Sales', 'thousand items', [5, 200], 0, 'garment', 'Jeans|T-shirts|Dresses|Jackets|Sneakers|Sweaters|Skirts|Coats', 'brand', 'Nova|Atelier Blu|Urban Thread|Linea', '{subject} by garment|{subject}, {start}–{end}'),
    d('share of sustainable fabrics', 'Share', '%', [5, 60], 1, 'fabric', 'Organic cotton|Linen|Hemp|Recycled polyester|Tencel|Wool|Silk|Bamboo', 'collection', 'Spring|Summer|Autumn|Winter', '{subject} by fabric|{subject}, {start}–{end}'),
  ] },
  { topicId: 'architecture', datasets: [
    d('building height', 'Height', 'metres', [80, 600], 0, 'tower', 'Aurora|Meridian|Crescent|Summit|Horizon|Beacon|Zenith|Spire', 'city', 'Dubai|Shanghai|New York|London', '{subject} of landmark towers|{subject}, {start}–{end}'),
    d('construction cost', 'Cost', 'USD per square metre', [900, 6000], 0, 'building type', 'Office|Hospital|School|Museum|Stadium|Housing|Airport|Library', 'material', 'Concrete|Steel|Timber|Masonry', '{subject} by building type|{subject}, {start}–{end}'),
  ] },
];
