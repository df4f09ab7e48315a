package topics

// builtinTopics is the taxonomy entente ships. Codes are dotted paths: a
// topic's parent is its code without the last segment, and every parent
// comes before its children.
var builtinTopics = []Topic{
	{"trade", "Trade", "Exchange of goods and services between the parties."},
	{"trade.goods", "Trade in goods", "Tariffs, quotas and the growth of trade in goods."},
	{"trade.services", "Trade in services", "Access for service providers and trade in services."},
	{"trade.markets", "Common markets", "Common or integrated markets and free-trade arrangements."},
	{"trade.standards", "Standards and certification", "Technical regulation, standards and mutual recognition of conformity."},

	{"investment", "Investment", "Capital flows between the parties and their protection."},
	{"investment.infrastructure", "Infrastructure investment", "Joint financing of roads, ports, power and other infrastructure."},
	{"investment.protection", "Investment protection", "Treatment and protection of each party's investors."},
	{"investment.joint-ventures", "Joint ventures", "Joint companies and industrial projects."},

	{"finance", "Finance and payments", "Banking, payments and currencies."},
	{"finance.payments", "Payment systems", "Payment and messaging systems, including ones independent of third countries."},
	{"finance.national-currencies", "Settlement in national currencies", "Trade and settlement in the parties' own currencies."},
	{"finance.banking", "Banking", "Correspondent banking, bank branches and supervision."},
	{"finance.coercive-measures", "Unilateral coercive measures", "Sanctions imposed by third states and the response to them."},

	{"customs", "Customs", "Customs administration between the parties."},
	{"customs.procedures", "Customs procedures", "Simplified clearance, electronic exchange of customs data."},
	{"customs.enforcement", "Customs enforcement", "Fighting smuggling and customs offences."},

	{"industry", "Industry", "Manufacturing and industrial cooperation."},
	{"industry.manufacturing", "Manufacturing", "Industrial production and cooperation between manufacturers."},
	{"industry.mining", "Mining and minerals", "Exploration and extraction of minerals other than oil and gas."},

	{"energy", "Energy", "Production, transmission and trade of energy."},
	{"energy.oil-gas", "Oil and gas", "Production, processing, transmission, export and swap operations of oil and gas."},
	{"energy.nuclear", "Nuclear energy", "Peaceful uses of nuclear energy, nuclear power plants and fuel."},
	{"energy.electricity", "Electricity", "Power generation, grids and trade in electricity."},
	{"energy.renewables", "Renewable energy", "Solar, wind, hydro and other renewable sources."},

	{"transport", "Transport", "Movement of goods and people between the parties."},
	{"transport.corridors", "Transport corridors", "International transit corridors such as the North–South Transport Corridor."},
	{"transport.rail", "Rail transport", "Railways and rail freight."},
	{"transport.maritime", "Maritime transport", "Shipping, ports, the Caspian and other seas."},
	{"transport.aviation", "Civil aviation", "Air services and civil aviation."},
	{"transport.road", "Road transport", "Road freight and passenger transport."},
	{"transport.logistics", "Logistics", "Logistics hubs, terminals and multimodal transport."},

	{"communications", "Communications", "Telecommunications, post and information technology."},
	{"communications.telecom", "Telecommunications", "Networks, satellite and mobile communications."},
	{"communications.ict-security", "Information security", "Security in the use of information and communication technologies."},

	{"science", "Science and technology", "Research and technology cooperation."},
	{"science.research", "Joint research", "Joint research programmes and exchanges of scientists."},
	{"science.nanotechnology", "Nanotechnology", "Research and industry in nanotechnology."},
	{"science.aerospace", "Aerospace and space", "Aviation technology and the peaceful exploration of outer space."},
	{"science.artificial-intelligence", "Artificial intelligence", "Research and applications of artificial intelligence."},
	{"science.medical", "Medical sciences", "Medical research and biotechnology."},

	{"education", "Education", "Schools, universities and training."},
	{"education.higher", "Higher education", "Universities, recognition of degrees and joint programmes."},
	{"education.exchanges", "Student and teacher exchanges", "Scholarships and exchanges of students and teachers."},
	{"education.languages", "Language teaching", "Teaching each party's languages."},

	{"health", "Health", "Public health and medicine."},
	{"health.medicine", "Medical care", "Hospitals, medical services and training of medical staff."},
	{"health.pharmaceuticals", "Pharmaceuticals", "Medicines, vaccines and their production."},
	{"health.epidemics", "Epidemics", "Prevention of and response to epidemics."},

	{"culture", "Culture", "Arts, heritage and contacts between peoples."},
	{"culture.programmes", "Cultural programmes", "Joint cultural events, festivals and cultural centres."},
	{"culture.heritage", "Cultural heritage", "Protection of historical and cultural heritage."},
	{"culture.sport", "Sport and youth", "Sport, youth exchanges and youth policy."},

	{"tourism", "Tourism", "Travel between the parties."},
	{"tourism.travel-facilitation", "Travel facilitation", "Visas and easier travel for tourists."},
	{"tourism.promotion", "Tourism promotion", "Promoting each party as a destination."},

	{"media", "Media", "Press, broadcasting and information."},
	{"media.cooperation", "Media cooperation", "Cooperation between news agencies, broadcasters and press."},
	{"media.disinformation", "Countering disinformation", "Response to disinformation and hostile information campaigns."},

	{"environment", "Environment", "Protection of the environment."},
	{"environment.climate", "Climate", "Climate change and adaptation."},
	{"environment.protection", "Environmental protection", "Pollution, biodiversity and protected areas."},
	{"environment.water", "Water resources", "Rivers, seas and shared water resources."},

	{"agriculture", "Agriculture", "Farming and food."},
	{"agriculture.food-security", "Food security", "Supply of grain and food."},
	{"agriculture.veterinary", "Veterinary and phytosanitary", "Animal and plant health controls."},
	{"agriculture.fisheries", "Fisheries", "Fishing and aquaculture."},

	{"migration", "Migration", "Movement and residence of people."},
	{"migration.illegal", "Illegal migration", "Preventing illegal migration and trafficking in persons."},
	{"migration.labour", "Labour migration", "Work and residence of each party's citizens."},
	{"migration.consular", "Consular matters", "Consular relations and protection of citizens."},

	{"legal", "Legal assistance", "Cooperation between courts, prosecutors and ministries of justice."},
	{"legal.mutual-assistance", "Mutual legal assistance", "Assistance in civil and criminal matters."},
	{"legal.extradition", "Extradition", "Extradition and transfer of sentenced persons."},

	{"humanitarian", "Humanitarian aid", "Relief for people in need."},
	{"humanitarian.aid", "Humanitarian assistance", "Aid to populations in crisis, such as in Gaza."},
	{"humanitarian.disaster-relief", "Disaster relief", "Response to natural and man-made disasters."},

	{"defence", "Defence", "Military relations between the parties."},
	{"defence.military-cooperation", "Military cooperation", "Contacts between armed forces, staff talks and training."},
	{"defence.exercises", "Joint exercises", "Joint military exercises and port calls."},
	{"defence.military-technical", "Military-technical cooperation", "Arms, equipment and defence industry."},
	{"defence.mutual-assistance", "Mutual military assistance", "Military help to a party that is attacked."},

	{"security", "Security", "Security of the parties and their region."},
	{"security.non-aggression", "Non-aggression and non-assistance", "Not attacking each other and not helping an aggressor."},
	{"security.territorial-integrity", "Sovereignty and territorial integrity", "Not letting territory be used against the other; no support for separatism."},
	{"security.intelligence", "Intelligence and security services", "Exchange of information between intelligence and security services."},
	{"security.consultation", "Security consultations", "Consultations on common military and security threats."},
	{"security.counter-terrorism", "Counter-terrorism", "Fighting terrorism."},
	{"security.extremism", "Extremism", "Fighting extremism and separatism."},
	{"security.organised-crime", "Organised crime", "Fighting transnational organised crime, drug trafficking and money laundering."},
	{"security.non-proliferation", "Non-proliferation", "Preventing the spread of weapons of mass destruction; arms control."},
	{"security.regional", "Regional security", "Security of a region, such as the Caspian Sea, Central Asia or the South Caucasus."},

	{"diplomacy", "Diplomacy", "Relations between the parties and with the world."},
	{"diplomacy.multilateral", "Multilateral coordination", "Coordinating positions in the UN, SCO, BRICS and other forums."},
	{"diplomacy.consultations", "Political consultations", "Regular consultations between leaders and ministries."},
	{"diplomacy.international-law", "International law", "Upholding the UN Charter and international law; a multipolar order."},
	{"diplomacy.interregional", "Interregional cooperation", "Links between the parties' regions and cities."},
}
