// Vocabularies for business, public-sector and society topics.
import { defineDataset as d, type TopicVocabulary } from './vocabulary-types.ts';

export const SOCIETY_ECONOMY_VOCABULARIES: TopicVocabulary[] = [
  { topicId: 'business-finance', datasets: [
    d('quarterly revenue', 'Revenue', 'million USD', [20, 400], 0, 'region', 'North America|Europe|Asia Pacific|Latin America|Middle East|Africa|Oceania|Central Asia', 'business unit', 'Hardware|Software|Services|Licensing|Consulting', '{subject} by region|Company {subject}, {start}–{end}|How {subject} shifted, {start}–{end}'),
    d('operating margin', 'Operating margin', '%', [2, 35], 1, 'sector', 'Banking|Insurance|Utilities|Telecom|Retail|Pharma|Mining|Airlines', 'year group', 'Large caps|Mid caps|Small caps|Startups', '{subject} across sectors|Sector {subject}, {start}–{end}'),
  ] },
  { topicId: 'healthcare', datasets: [
    d('hospital admissions', 'Admissions', 'thousand patients', [5, 120], 0, 'department', 'Cardiology|Oncology|Pediatrics|Orthopedics|Neurology|Emergency|Maternity|Geriatrics', 'hospital', 'City General|St. Mary|Riverside|Northview|Lakeside', '{subject} by department|{subject}, {start}–{end}'),
    d('average waiting time', 'Waiting time', 'minutes', [10, 180], 0, 'clinic', 'Dermatology|Radiology|Dental|Eye care|Physiotherapy|Cardiology|Pediatrics|Psychiatry', 'region', 'Urban|Suburban|Rural|Coastal', '{subject} at outpatient clinics|{subject} by clinic, {start}–{end}'),
  ] },
  { topicId: 'government-policy', datasets: [
    d('public spending', 'Spending', 'billion USD', [10, 300], 0, 'budget area', 'Defense|Education|Health|Pensions|Transport|Housing|Justice|Science', 'level', 'Federal|State|County|City', '{subject} by budget area|Government {subject}, {start}–{end}'),
    d('voter turnout', 'Turnout', '%', [35, 85], 1, 'district', 'Northgate|Southmoor|Eastfield|Westbrook|Central|Hillside|Riverbend|Oakdale', 'election', 'General|Regional|Municipal|Referendum', '{subject} by district|{subject}, {start}–{end}'),
  ] },
  { topicId: 'education', datasets: [
    d('enrolment', 'Students', 'thousand', [2, 90], 0, 'faculty', 'Engineering|Medicine|Law|Arts|Business|Sciences|Education|Nursing', 'degree level', 'Bachelor|Master|Doctorate|Diploma', 'University {subject} by faculty|{subject}, {start}–{end}'),
    d('average test score', 'Score', 'points', [40, 95], 1, 'subject', 'Mathematics|Reading|Science|History|Geography|Art|Music|Languages', 'school', 'Maple High|Cedar Academy|Pine Valley|Elm Park|Birch Hill', '{subject} by school subject|{subject}, {start}–{end}'),
  ] },
  { topicId: 'human-resources', datasets: [
    d('headcount', 'Employees', 'people', [15, 400], 0, 'department', 'Sales|Engineering|Finance|Marketing|Support|Legal|Operations|Research', 'office', 'Berlin|Toronto|Singapore|Austin|Dublin', '{subject} by department|Company {subject}, {start}–{end}'),
    d('staff turnover', 'Turnover', '%', [3, 30], 1, 'team', 'Recruiting|Payroll|IT|Logistics|Customer care|Design|Quality|Procurement', 'contract type', 'Permanent|Fixed-term|Part-time|Contractor', '{subject} by team|{subject}, {start}–{end}'),
  ] },
  { topicId: 'real-estate', datasets: [
    d('median home price', 'Price', 'thousand USD', [150, 950], 0, 'city', 'Denver|Austin|Seattle|Boston|Phoenix|Miami|Chicago|Portland', 'property type', 'Apartment|Townhouse|Detached|Condo', '{subject} by city|{subject}, {start}–{end}'),
    d('rental vacancy rate', 'Vacancy', '%', [2, 15], 1, 'district', 'Downtown|Harbor|Old Town|University|Airport|Riverside|Midtown|Uptown', 'segment', 'Studio|One-bed|Two-bed|Family', '{subject} by district|{subject}, {start}–{end}'),
  ] },
  { topicId: 'law', datasets: [
    d('cases filed', 'Cases', 'thousand', [1, 80], 0, 'case type', 'Civil|Criminal|Family|Labour|Tax|Immigration|Traffic|Commercial', 'court', 'District|Appeals|Supreme|Small claims', '{subject} by case type|Court {subject}, {start}–{end}'),
    d('average case duration', 'Duration', 'days', [30, 600], 0, 'case type', 'Contract|Property|Divorce|Fraud|Injury|Patent|Custody|Bankruptcy', 'jurisdiction', 'North|South|East|West', '{subject} by case type|{subject}, {start}–{end}'),
  ] },
  { topicId: 'society-community', datasets: [
    d('volunteer hours', 'Hours', 'thousand hours', [5, 150], 0, 'activity', 'Food bank|Tutoring|Elder care|Park cleanup|Animal shelter|Sports coaching|Fundraising|Library', 'age group', '18–29|30–44|45–64|65+', '{subject} by activity|Community {subject}, {start}–{end}'),
    d('library visits', 'Visits', 'thousand', [10, 250], 0, 'branch', 'Central|Northside|Southside|Eastview|Westend|Harbor|Hillcrest|Meadow', 'service', 'Lending|Events|Study rooms|Internet', '{subject} by branch|{subject}, {start}–{end}'),
  ] },
  { topicId: 'social-sciences-humanities', datasets: [
    d('survey agreement', 'Agreement', '%', [10, 90], 1, 'statement', 'Trust in science|Trust in media|Civic duty|Work-life balance|Climate concern|Local pride|Online privacy|Job security', 'cohort', 'Gen Z|Millennials|Gen X|Boomers', '{subject} by statement|{subject}, {start}–{end}'),
    d('research grants awarded', 'Grants', 'grants', [5, 140], 0, 'discipline', 'Sociology|Psychology|Economics|Anthropology|Linguistics|Philosophy|History|Geography', 'funder', 'National council|Foundation|University|EU programme', '{subject} by discipline|{subject}, {start}–{end}'),
  ] },
  { topicId: 'marketing-advertising', datasets: [
    d('ad spend', 'Spend', 'thousand USD', [20, 600], 0, 'channel', 'Search|Social|Display|Video|Email|Radio|Print|Outdoor', 'campaign', 'Spring launch|Summer sale|Back to school|Holiday', '{subject} by channel|{subject}, {start}–{end}'),
    d('click-through rate', 'CTR', '%', [0.5, 9], 1, 'creative', 'Banner A|Banner B|Video short|Video long|Carousel|Story|Native|Popup', 'audience', 'New visitors|Returning|Subscribers|Lookalike', '{subject} by creative|{subject}, {start}–{end}'),
  ] },
];
