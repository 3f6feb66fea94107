"""Word pools shared by the template families: places, dates, numbers, sources, actors.

Noun phrases that take a plural verb start with "+" (the marker is stripped when rendered).
"""

from __future__ import annotations

# (town, country) pairs from many regions; towns are real places, used only as fillers.
PLACES: tuple[tuple[str, str], ...] = (
    ("Maiduguri", "Nigeria"), ("Kano", "Nigeria"), ("Zaria", "Nigeria"), ("Bamako", "Mali"),
    ("Gao", "Mali"), ("Mopti", "Mali"), ("Ouagadougou", "Burkina Faso"), ("Djibo", "Burkina Faso"),
    ("Niamey", "Niger"), ("Diffa", "Niger"), ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"),
    ("Baidoa", "Somalia"), ("Goma", "DR Congo"), ("Beni", "DR Congo"), ("Bunia", "DR Congo"),
    ("Khartoum", "Sudan"), ("El Fasher", "Sudan"), ("Omdurman", "Sudan"), ("Juba", "South Sudan"),
    ("Bentiu", "South Sudan"), ("Addis Ababa", "Ethiopia"), ("Gondar", "Ethiopia"), ("Mekelle", "Ethiopia"),
    ("Nairobi", "Kenya"), ("Mombasa", "Kenya"), ("Garissa", "Kenya"), ("Kampala", "Uganda"),
    ("Bangui", "Central African Republic"), ("Bambari", "Central African Republic"),
    ("Pemba", "Mozambique"), ("Palma", "Mozambique"), ("Maputo", "Mozambique"), ("Harare", "Zimbabwe"),
    ("Dakar", "Senegal"), ("Conakry", "Guinea"), ("Abidjan", "Ivory Coast"), ("Douala", "Cameroon"),
    ("Bamenda", "Cameroon"), ("Tripoli", "Libya"), ("Benghazi", "Libya"), ("Sirte", "Libya"),
    ("Tunis", "Tunisia"), ("Algiers", "Algeria"), ("Cairo", "Egypt"), ("Al-Arish", "Egypt"),
    ("Aleppo", "Syria"), ("Idlib", "Syria"), ("Deir ez-Zor", "Syria"), ("Raqqa", "Syria"),
    ("Homs", "Syria"), ("Mosul", "Iraq"), ("Kirkuk", "Iraq"), ("Basra", "Iraq"), ("Baghdad", "Iraq"),
    ("Sanaa", "Yemen"), ("Aden", "Yemen"), ("Marib", "Yemen"), ("Taiz", "Yemen"), ("Hodeidah", "Yemen"),
    ("Gaza City", "Palestine"), ("Khan Younis", "Palestine"), ("Jenin", "Palestine"), ("Nablus", "Palestine"),
    ("Beirut", "Lebanon"), ("Tyre", "Lebanon"), ("Tehran", "Iran"), ("Zahedan", "Iran"), ("Mashhad", "Iran"),
    ("Kabul", "Afghanistan"), ("Kandahar", "Afghanistan"), ("Jalalabad", "Afghanistan"),
    ("Peshawar", "Pakistan"), ("Quetta", "Pakistan"), ("Karachi", "Pakistan"), ("Lahore", "Pakistan"),
    ("Srinagar", "India"), ("Imphal", "India"), ("Kolkata", "India"), ("Dhaka", "Bangladesh"),
    ("Chittagong", "Bangladesh"), ("Yangon", "Myanmar"), ("Mandalay", "Myanmar"), ("Sittwe", "Myanmar"),
    ("Marawi", "Philippines"), ("Cotabato", "Philippines"), ("Manila", "Philippines"), ("Jakarta", "Indonesia"),
    ("Bangkok", "Thailand"), ("Pattani", "Thailand"), ("Colombo", "Sri Lanka"), ("Kathmandu", "Nepal"),
    ("Almaty", "Kazakhstan"), ("Aktau", "Kazakhstan"), ("Bishkek", "Kyrgyzstan"), ("Osh", "Kyrgyzstan"),
    ("Dushanbe", "Tajikistan"), ("Tashkent", "Uzbekistan"), ("Nukus", "Uzbekistan"), ("Tbilisi", "Georgia"),
    ("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Kharkiv", "Ukraine"), ("Odesa", "Ukraine"),
    ("Zaporizhzhia", "Ukraine"), ("Kherson", "Ukraine"), ("Belgorod", "Russia"), ("Makhachkala", "Russia"),
    ("Minsk", "Belarus"), ("Chisinau", "Moldova"), ("Belgrade", "Serbia"), ("Pristina", "Kosovo"),
    ("Athens", "Greece"), ("Istanbul", "Turkey"), ("Diyarbakir", "Turkey"), ("Paris", "France"),
    ("Marseille", "France"), ("Madrid", "Spain"), ("Barcelona", "Spain"), ("Rome", "Italy"),
    ("Berlin", "Germany"), ("London", "United Kingdom"), ("Belfast", "United Kingdom"),
    ("Brussels", "Belgium"), ("Warsaw", "Poland"), ("Bogota", "Colombia"), ("Cali", "Colombia"),
    ("Caracas", "Venezuela"), ("Maracaibo", "Venezuela"), ("Lima", "Peru"), ("Puno", "Peru"),
    ("Quito", "Ecuador"), ("Guayaquil", "Ecuador"), ("La Paz", "Bolivia"), ("Santiago", "Chile"),
    ("Buenos Aires", "Argentina"), ("Rio de Janeiro", "Brazil"), ("Sao Paulo", "Brazil"),
    ("Mexico City", "Mexico"), ("Culiacan", "Mexico"), ("Guadalajara", "Mexico"),
    ("Port-au-Prince", "Haiti"), ("Tegucigalpa", "Honduras"), ("Managua", "Nicaragua"),
    ("Havana", "Cuba"), ("Minneapolis", "United States"), ("Portland", "United States"),
    ("Atlanta", "United States"), ("Toronto", "Canada"), ("Sydney", "Australia"), ("Port Moresby", "Papua New Guinea"),
)

REGION_WORDS: tuple[str, ...] = (
    "province", "district", "region", "state", "county", "governorate",
)
WHERE: tuple[str, ...] = (
    "in {town}", "in {town}", "in {town}", "near {town}", "in the {town} area", "outside {town}",
    "in a village near {town}", "on the outskirts of {town}", "in central {town}", "in {country}",
    "in northern {country}", "in the east of {country}", "in {town} {region_word}",
    "in the town of {town}", "in the city of {town}", "in {town}, {country}",
    "along the road between {town} and {town2}", "in a market in {town}", "in {town}'s old quarter",
)

WHEN: tuple[str, ...] = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
    "late on Friday", "early on Sunday", "on Tuesday night", "on Wednesday morning", "overnight",
    "yesterday", "last week", "on {day} {month}", "on {month} {day}", "earlier this month",
    "this morning", "at dawn", "in the early hours of Thursday", "around midday", "last night",
    "on the night of {day} {month}", "over the weekend", "in {month}", "on {day} {month} {year}",
)
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
YEARS: tuple[str, ...] = ("2019", "2020", "2021", "2022", "2023", "2024", "2025")

NUMBER_WORDS: tuple[str, ...] = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty",
)
COUNTS: tuple[str, ...] = (
    "{num}", "{num}", "at least {num}", "at least {num}", "more than {num}", "about {num}",
    "nearly {num}", "up to {num}", "dozens of", "several", "a number of", "scores of", "{numword}",
    "at least {numword}",
)
VICTIMS: tuple[str, ...] = (
    "people", "civilians", "people", "villagers", "residents", "passengers", "worshippers",
    "farmers", "students", "shoppers", "children", "women", "traders", "bystanders",
)
FIGHTERS: tuple[str, ...] = (
    "soldiers", "fighters", "militants", "insurgents", "troops", "combatants", "rebels",
    "militiamen", "police officers", "members of the security forces",
)

SOURCES: tuple[str, ...] = (
    "police", "the police", "a police spokesman", "the army", "a military spokesperson",
    "local officials", "a local official", "the governor", "witnesses", "residents",
    "a hospital source", "medical sources", "the interior ministry", "the defence ministry",
    "state media", "the state news agency", "a security source", "a rights group",
    "an official who asked not to be named", "the United Nations", "aid workers",
    "a local journalist", "the mayor", "a community leader", "the regional administration",
)

# ---- actors ---------------------------------------------------------------------------
STATE_FORCES: tuple[str, ...] = (
    "+soldiers", "+troops", "+government troops", "+government forces", "the army", "+police",
    "+riot police", "the military", "+security forces", "+the armed forces", "+special forces",
    "the national guard", "+gendarmes", "+border guards", "+army units", "+paramilitary police",
    "+federal forces", "+marines", "+commandos", "an army patrol", "a police unit",
)
REBELS: tuple[str, ...] = (
    "+rebels", "+insurgents", "+militants", "+jihadists", "+fighters", "+armed men", "+gunmen",
    "+separatists", "+guerrillas", "+Islamist militants", "+rebel fighters", "+armed group members",
    "al-Shabaab", "Boko Haram", "+ISWAP fighters", "+M23 rebels", "+Houthi fighters", "the RSF",
    "+Rapid Support Forces", "+Taliban fighters", "+ADF rebels", "+FARC dissidents", "the ELN",
    "+JNIM fighters", "+Islamic State militants", "+Ansar al-Sunna fighters", "+Ambazonian separatists",
    "+PKK militants", "+Arakan Army fighters", "the Popular Liberation Front", "the Northern Resistance Movement",
    "+members of the Eastern Brigade", "+fighters of the National Salvation Army",
)
MILITIAS: tuple[str, ...] = (
    "+militiamen", "+a local militia", "+vigilantes", "+Fulani militiamen", "+Dozo hunters",
    "+Mai-Mai militiamen", "+armed herders", "+ethnic militia members", "+pro-government militiamen",
    "+self-defence group members", "+clan militiamen", "+gang members", "+armed bandits", "+bandits",
    "+cartel gunmen", "+tribal fighters", "+Wagner mercenaries", "+members of a youth militia",
)
UNKNOWN_ATTACKERS: tuple[str, ...] = (
    "+gunmen", "+unidentified gunmen", "+unknown assailants", "+armed men", "+masked men",
    "+suspected militants", "+men on motorcycles", "+attackers", "+unidentified assailants",
    "+suspected insurgents", "+men in military uniform", "a gunman", "an armed group",
)
PROTESTERS: tuple[str, ...] = (
    "+protesters", "+demonstrators", "+students", "+workers", "+teachers", "+farmers", "+doctors",
    "+opposition supporters", "+women's rights activists", "+residents", "+taxi drivers", "+traders",
    "+miners", "+nurses", "+pensioners", "+union members", "+university students", "+lawyers",
    "+environmental activists", "+families of detainees", "+market vendors", "+truck drivers",
    "+hundreds of people", "+thousands of people", "+crowds", "+activists", "+youths",
)
RIOTERS: tuple[str, ...] = (
    "+rioters", "+protesters", "+demonstrators", "+youths", "+angry residents", "+a crowd",
    "+supporters of the opposition", "+stone-throwing youths", "+hundreds of young men",
    "+football fans", "+masked youths",
)
MOBS: tuple[str, ...] = (
    "a mob wielding clubs", "a crowd of villagers", "a crowd armed with machetes", "+enraged villagers",
    "a mob", "an angry mob", "a crowd", "+villagers", "+residents", "+a group of men",
    "+local youths", "+angry residents", "a crowd of traders", "+vigilantes", "+members of a rival community",
)
CIVILIANS: tuple[str, ...] = (
    "+civilians", "+villagers", "+residents", "a farmer", "a teacher", "+worshippers", "+displaced people",
    "+a family", "a local chief", "a journalist", "an aid worker", "+schoolchildren", "+passengers",
    "a trader", "a priest", "an imam", "a village head", "+women", "+herders", "a doctor", "+miners",
)
OFFICIALS: tuple[str, ...] = (
    "the president", "the prime minister", "the interior minister", "the defence minister",
    "the foreign minister", "the government", "the governor", "a government spokesman",
    "the opposition leader", "the UN envoy", "the European Union", "the African Union",
    "the mayor", "an analyst", "a senior diplomat", "the ruling party", "lawmakers", "the central bank",
)

PERSONS: tuple[str, ...] = (
    "Ahmed Musa", "Maria Lopez", "Ibrahim Diallo", "Olena Kovalenko", "Samuel Okoro", "Fatima Hassan",
    "Jean-Pierre Mbala", "Aigerim Nurlanovna", "Carlos Mendoza", "Nguyen Van Minh", "Amina Yusuf",
    "Rustam Karimov", "Grace Achieng", "Omar Farouk", "Daniel Mensah", "Leyla Aliyeva", "Juan Torres",
    "Abdullahi Mohamed", "Sara Tesfaye", "Tomasz Nowak", "Mohammed al-Rashid", "Priya Sharma",
)

TEAMS: tuple[str, ...] = (
    "United", "the home side", "the visitors", "Real", "the national team", "City", "the defending champions", "Rovers",
)
