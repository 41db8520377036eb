"""Event parties and their countries on wire reports of 1979-2024 from Latin America, Central
Asia and the Caucasus, West and Central Africa, the Balkans, South-East Asia and the Pacific
(issue 19, branch ev14), in constructions tests/test_event_probes13.py did not probe: the
passive ("was attacked by"), nominalisations ("the shelling of X by Y"), "security forces",
"police in CITY", coordinated parties, "its forces", a spokesman for a body as the subject,
a report within a report ("Ecuador said Peruvian helicopters attacked ..."), headlines.
Passages written for the project. Each probe's expectation (type, actor country, recipient
country) was written and committed before the system was run on it."""

from __future__ import annotations

from datetime import date

# id, published, text, PLOVER type, actor country, recipient country (None: no recipient)
PROBES: list[tuple[str, date, str, str, str, str | None]] = [
    # Latin America
    ("la1", date(1989, 11, 16), "Salvadoran soldiers killed six Jesuit priests at a university in San Salvador.", "ASSAULT", "SLV", "SLV"),
    ("la2", date(1992, 7, 14), "A police station in Lima was attacked by Shining Path guerrillas on Tuesday.", "ASSAULT", "PER", "PER"),
    ("la3", date(1994, 7, 20), "The bombing of a Jewish community center in Buenos Aires by Hezbollah killed 85 people.", "ASSAULT", "LBN", "ARG"),
    ("la4", date(2008, 3, 1), "Colombian security forces killed FARC commander Raul Reyes in a raid in Ecuador.", "ASSAULT", "COL", "COL"),
    ("la5", date(2014, 2, 13), "Police in Caracas fired tear gas at student protesters.", "ASSAULT", "VEN", "VEN"),
    ("la6", date(1986, 3, 25), "Nicaragua accused Honduras of allowing Contra rebels to operate from its territory.", "ACCUSE", "NIC", "HND"),
    ("la7", date(2014, 2, 22), "A spokesman for the Mexican navy said marines arrested drug lord Joaquin Guzman in Mazatlan.", "COERCE", "MEX", "MEX"),
    ("la8", date(1995, 1, 27), "Ecuador said Peruvian helicopters attacked its border posts in the Cenepa valley.", "ASSAULT", "PER", "ECU"),
    ("la9", date(1991, 5, 9), "Peru said its forces killed 12 Shining Path guerrillas in the Huallaga valley.", "ASSAULT", "PER", "PER"),
    ("la10", date(2008, 3, 2), "A spokesman for the Ecuadorean Foreign Ministry condemned the Colombian raid.", "ACCUSE", "ECU", "COL"),
    ("la11", date(2008, 9, 11), "Bolivian President Evo Morales expelled the U.S. ambassador.", "SANCTION", "BOL", "USA"),
    ("la12", date(1982, 5, 4), "Argentine aircraft sank the British destroyer HMS Sheffield.", "ASSAULT", "ARG", "GBR"),
    # Central Asia and the Caucasus
    ("ca1", date(2008, 8, 7), "Georgian troops were shelled by South Ossetian separatists near Tskhinvali.", "ASSAULT", "GEO", "GEO"),
    ("ca2", date(1996, 6, 3), "Tajik government forces recaptured the town of Garm from Islamic opposition fighters.", "ASSAULT", "TJK", "TJK"),
    ("ca3", date(2005, 5, 13), "Uzbek troops fired on protesters in Andijan, killing hundreds.", "ASSAULT", "UZB", "UZB"),
    ("ca4", date(1999, 8, 8), "Russia said Chechen rebels attacked a police post in Dagestan.", "ASSAULT", "RUS", "RUS"),
    ("ca5", date(2000, 3, 22), "Kyrgyz police detained opposition leader Felix Kulov in Bishkek.", "COERCE", "KGZ", "KGZ"),
    ("ca6", date(2002, 2, 20), "Georgia accuses Russia of bombing Pankisi gorge", "ACCUSE", "GEO", "RUS"),
    ("ca7", date(2010, 6, 14), "Ethnic Uzbeks were attacked by Kyrgyz mobs in the southern city of Osh.", "ASSAULT", "KGZ", "KGZ"),
    # West and Central Africa
    ("wa1", date(1996, 4, 13), "Forces loyal to Charles Taylor shelled the port of Monrovia on Saturday.", "ASSAULT", "LBR", "LBR"),
    ("wa2", date(1994, 5, 24), "Nigerian police arrested 40 members of the Movement for the Survival of the Ogoni People.", "COERCE", "NGA", "NGA"),
    ("wa3", date(2004, 11, 6), "A French military base in Bouake was bombed by Ivorian jets.", "ASSAULT", "CIV", "FRA"),
    ("wa4", date(2008, 2, 2), "Chadian rebels attacked the capital N'Djamena.", "ASSAULT", "TCD", "TCD"),
    ("wa5", date(2013, 1, 18), "Malian troops retook the town of Konna from Islamist militants.", "ASSAULT", "MLI", "MLI"),
    ("wa6", date(2014, 4, 15), "Boko Haram gunmen abducted more than 200 schoolgirls from a school in Chibok.", "ASSAULT", "NGA", "NGA"),
    ("wa7", date(1994, 2, 21), "Cameroon accused Nigeria of sending troops into the Bakassi peninsula.", "ACCUSE", "CMR", "NGA"),
    ("wa8", date(2009, 9, 28), "Security forces killed dozens of protesters at a stadium in the Guinean capital Conakry.", "ASSAULT", "GIN", "GIN"),
    ("wa9", date(2011, 3, 3), "Ivory Coast troops fire on women protesters in Abidjan", "ASSAULT", "CIV", "CIV"),
    # The Balkans
    ("ba1", date(1991, 12, 6), "The shelling of Dubrovnik by the Yugoslav army killed 13 civilians.", "ASSAULT", "YUG", "HRV"),
    ("ba2", date(2001, 5, 3), "Macedonian security forces attacked ethnic Albanian rebels near Tetovo.", "ASSAULT", "MKD", "MKD"),
    ("ba3", date(1994, 4, 12), "Greece protested to Albania over the killing of two ethnic Greeks.", "ACCUSE", "GRC", "ALB"),
    ("ba4", date(1989, 12, 17), "Romanian troops fired on demonstrators in Timisoara.", "ASSAULT", "ROU", "ROU"),
    ("ba5", date(2011, 1, 21), "Police in Tirana fired tear gas at opposition protesters.", "ASSAULT", "ALB", "ALB"),
    ("ba6", date(1995, 5, 26), "Bosnian Serbs took 370 U.N. peacekeepers hostage after NATO air strikes.", "ASSAULT", "BIH", "UNO"),
    ("ba7", date(1992, 5, 27), "A breadline in Sarajevo was hit by a mortar shell.", "ASSAULT", "BIH", "BIH"),
    # South-East Asia
    ("sea1", date(1988, 8, 9), "Burmese troops fired on demonstrators in Rangoon.", "ASSAULT", "MMR", "MMR"),
    ("sea2", date(1998, 5, 12), "Indonesian police arrested hundreds of students in Jakarta.", "COERCE", "IDN", "IDN"),
    ("sea3", date(2006, 8, 2), "Philippine soldiers clashed with Abu Sayyaf militants on the island of Jolo.", "ASSAULT", "PHL", "PHL"),
    ("sea4", date(1979, 1, 7), "Vietnamese troops captured Phnom Penh from the Khmer Rouge.", "ASSAULT", "VNM", "KHM"),
    ("sea5", date(1998, 9, 20), "Malaysian police arrested former deputy prime minister Anwar Ibrahim.", "COERCE", "MYS", "MYS"),
    ("sea6", date(1979, 2, 20), "Vietnam accused China and Cambodia of aggression.", "ACCUSE", "VNM", "CHN"),
    ("sea7", date(2011, 2, 5), "Thai and Cambodian troops exchanged fire near the Preah Vihear temple.", "ASSAULT", "THA", "KHM"),
    ("sea8", date(2000, 4, 23), "Abu Sayyaf guerrillas seized 21 hostages from a Malaysian diving resort.", "COERCE", "PHL", "MYS"),
    # The Pacific
    ("pa1", date(2006, 12, 5), "Fiji's military commander Frank Bainimarama ousted Prime Minister Laisenia Qarase.", "COERCE", "FJI", "FJI"),
    ("pa2", date(1990, 2, 10), "Papua New Guinea troops attacked rebels on Bougainville.", "ASSAULT", "PNG", "PNG"),
    ("pa3", date(2000, 6, 5), "Police in Honiara were disarmed by Malaitan militants.", "COERCE", "SLB", "SLB"),
    ("pa4", date(2006, 11, 16), "Tongan police fired tear gas at pro-democracy rioters in Nuku'alofa.", "ASSAULT", "TON", "TON"),
    ("pa5", date(1985, 7, 10), "French agents sank the Greenpeace ship Rainbow Warrior in Auckland harbour.", "ASSAULT", "FRA", "NZL"),
    # known leftovers
    ("kl1", date(2007, 12, 16), "Turkish jets bombed Kurdish rebel positions in northern Iraq.", "ASSAULT", "TUR", "TUR"),
]
