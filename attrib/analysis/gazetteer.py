"""Closed word lists for finding and naming sources: countries, capitals, dates, descriptors.

These are general facts about the world and about how news is written, never
about one article.  `attrib.analysis.names` reads them; nothing here runs any logic
beyond building lookup tables.
"""

from __future__ import annotations

# One country a line: name | other names | adjectives for its people | seats of government.
# The first name is the default canonical form; a capital stands for the country
# when it is used as a source ("Moscow has denied" -> Russia).  Capitals that are
# also common first names (Sofia, Victoria, Santiago) or ordinary words are left out.
_COUNTRIES = """
Afghanistan | | Afghan | Kabul
Albania | | Albanian | Tirana
Algeria | | Algerian | Algiers
Andorra | | Andorran | Andorra la Vella
Angola | | Angolan | Luanda
Antigua and Barbuda | | Antiguan |
Argentina | | Argentine, Argentinian | Buenos Aires
Armenia | | Armenian | Yerevan
Australia | | Australian | Canberra
Austria | | Austrian | Vienna
Azerbaijan | | Azerbaijani, Azeri | Baku
Bahamas | | Bahamian | Nassau
Bahrain | | Bahraini | Manama
Bangladesh | | Bangladeshi | Dhaka
Barbados | | Barbadian | Bridgetown
Belarus | | Belarusian | Minsk
Belgium | | Belgian |
Belize | | Belizean | Belmopan
Benin | | Beninese | Porto-Novo
Bhutan | | Bhutanese | Thimphu
Bolivia | | Bolivian | La Paz, Sucre
Bosnia and Herzegovina | Bosnia | Bosnian | Sarajevo
Botswana | | Botswanan | Gaborone
Brazil | | Brazilian | Brasilia, Brasília
Brunei | | Bruneian | Bandar Seri Begawan
Bulgaria | | Bulgarian |
Burkina Faso | | Burkinabe | Ouagadougou
Burundi | | Burundian | Gitega, Bujumbura
Cambodia | | Cambodian | Phnom Penh
Cameroon | | Cameroonian | Yaounde, Yaoundé
Canada | | Canadian | Ottawa
Cape Verde | Cabo Verde | Cape Verdean | Praia
Central African Republic | CAR | Central African | Bangui
Chad | | Chadian | N'Djamena
Chile | | Chilean |
China | PRC, People's Republic of China | Chinese | Beijing, Peking
Colombia | | Colombian | Bogota, Bogotá
Comoros | | Comoran | Moroni
Congo | Republic of the Congo, Congo-Brazzaville | Congolese | Brazzaville
Democratic Republic of the Congo | DRC, DR Congo, Congo-Kinshasa | | Kinshasa
Costa Rica | | Costa Rican | San Jose, San José
Croatia | | Croatian | Zagreb
Cuba | | Cuban | Havana
Cyprus | | Cypriot | Nicosia
Czech Republic | Czechia | Czech | Prague
Denmark | | Danish | Copenhagen
Djibouti | | Djiboutian |
Dominica | | Dominican |
Dominican Republic | | | Santo Domingo
East Timor | Timor-Leste | Timorese | Dili
Ecuador | | Ecuadorian, Ecuadorean | Quito
Egypt | | Egyptian | Cairo
El Salvador | | Salvadoran | San Salvador
Equatorial Guinea | | Equatorial Guinean | Malabo
Eritrea | | Eritrean | Asmara
Estonia | | Estonian | Tallinn
Eswatini | Swaziland | Swazi | Mbabane
Ethiopia | | Ethiopian | Addis Ababa
Fiji | | Fijian | Suva
Finland | | Finnish | Helsinki
France | | French | Paris
Gabon | | Gabonese | Libreville
Gambia | The Gambia | Gambian | Banjul
Georgia | | Georgian | Tbilisi
Germany | | German | Berlin
Ghana | | Ghanaian | Accra
Greece | | Greek | Athens
Grenada | | Grenadian |
Guatemala | | Guatemalan | Guatemala City
Guinea | | Guinean | Conakry
Guinea-Bissau | | | Bissau
Guyana | | Guyanese |
Haiti | | Haitian | Port-au-Prince
Honduras | | Honduran | Tegucigalpa
Hungary | | Hungarian | Budapest
Iceland | | Icelandic | Reykjavik
India | | Indian | New Delhi, Delhi
Indonesia | | Indonesian | Jakarta
Iran | Islamic Republic of Iran | Iranian | Tehran, Teheran
Iraq | | Iraqi | Baghdad
Ireland | Irish Republic | Irish | Dublin
Israel | | Israeli | Jerusalem, Tel Aviv
Italy | | Italian | Rome
Ivory Coast | Cote d'Ivoire, Côte d'Ivoire | Ivorian | Yamoussoukro, Abidjan
Jamaica | | Jamaican |
Japan | | Japanese | Tokyo
Jordan | | Jordanian | Amman
Kazakhstan | | Kazakh | Astana
Kenya | | Kenyan | Nairobi
Kiribati | | | Tarawa
Kosovo | | Kosovar | Pristina
Kuwait | | Kuwaiti | Kuwait City
Kyrgyzstan | | Kyrgyz | Bishkek
Laos | | Lao, Laotian | Vientiane
Latvia | | Latvian | Riga
Lebanon | | Lebanese | Beirut
Lesotho | | Basotho | Maseru
Liberia | | Liberian | Monrovia
Libya | | Libyan | Tripoli
Liechtenstein | | | Vaduz
Lithuania | | Lithuanian | Vilnius
Luxembourg | | Luxembourgish |
Madagascar | | Malagasy | Antananarivo
Malawi | | Malawian | Lilongwe
Malaysia | | Malaysian | Kuala Lumpur, Putrajaya
Maldives | | Maldivian |
Mali | | Malian | Bamako
Malta | | Maltese | Valletta
Marshall Islands | | Marshallese | Majuro
Mauritania | | Mauritanian | Nouakchott
Mauritius | | Mauritian | Port Louis
Mexico | | Mexican | Mexico City
Micronesia | | Micronesian |
Moldova | | Moldovan | Chisinau
Monaco | | Monegasque |
Mongolia | | Mongolian | Ulaanbaatar, Ulan Bator
Montenegro | | Montenegrin | Podgorica
Morocco | | Moroccan | Rabat
Mozambique | | Mozambican | Maputo
Myanmar | Burma | Burmese | Naypyidaw, Naypyitaw
Namibia | | Namibian | Windhoek
Nauru | | Nauruan |
Nepal | | Nepali, Nepalese | Kathmandu
Netherlands | Holland | Dutch | Amsterdam, The Hague
New Zealand | | New Zealander | Wellington
Nicaragua | | Nicaraguan | Managua
Niger | | Nigerien | Niamey
Nigeria | | Nigerian | Abuja
North Korea | DPRK, Democratic People's Republic of Korea | North Korean | Pyongyang
North Macedonia | Macedonia | Macedonian | Skopje
Norway | | Norwegian | Oslo
Oman | | Omani | Muscat
Pakistan | | Pakistani | Islamabad
Palau | | Palauan |
Palestine | Palestinian territories, State of Palestine | Palestinian | Ramallah
Panama | | Panamanian | Panama City
Papua New Guinea | | Papua New Guinean | Port Moresby
Paraguay | | Paraguayan | Asuncion, Asunción
Peru | | Peruvian | Lima
Philippines | | Filipino, Philippine | Manila
Poland | | Polish | Warsaw
Portugal | | Portuguese | Lisbon
Qatar | | Qatari | Doha
Romania | | Romanian | Bucharest
Russia | Russian Federation | Russian | Moscow
Rwanda | | Rwandan | Kigali
Saint Lucia | | Saint Lucian | Castries
Samoa | | Samoan | Apia
San Marino | | Sammarinese |
Sao Tome and Principe | São Tomé and Príncipe | |
Saudi Arabia | | Saudi | Riyadh
Senegal | | Senegalese | Dakar
Serbia | | Serbian, Serb | Belgrade
Seychelles | | Seychellois |
Sierra Leone | | Sierra Leonean | Freetown
Singapore | | Singaporean |
Slovakia | | Slovak | Bratislava
Slovenia | | Slovenian, Slovene | Ljubljana
Solomon Islands | | | Honiara
Somalia | | Somali | Mogadishu
South Africa | | South African | Pretoria
South Korea | Republic of Korea, ROK | South Korean | Seoul
South Sudan | | South Sudanese | Juba
Spain | | Spanish | Madrid
Sri Lanka | | Sri Lankan | Colombo
Sudan | | Sudanese | Khartoum
Suriname | | Surinamese | Paramaribo
Sweden | | Swedish | Stockholm
Switzerland | | Swiss | Bern, Berne
Syria | | Syrian | Damascus
Taiwan | Republic of China | Taiwanese | Taipei
Tajikistan | | Tajik | Dushanbe
Tanzania | | Tanzanian | Dodoma
Thailand | | Thai | Bangkok
Togo | | Togolese | Lome, Lomé
Tonga | | Tongan |
Trinidad and Tobago | | Trinidadian | Port of Spain
Tunisia | | Tunisian | Tunis
Turkey | Türkiye, Turkiye | Turkish | Ankara
Turkmenistan | | Turkmen | Ashgabat
Tuvalu | | Tuvaluan |
Uganda | | Ugandan | Kampala
Ukraine | | Ukrainian | Kyiv, Kiev
United Arab Emirates | UAE | Emirati | Abu Dhabi
United Kingdom | UK, U.K., Britain, Great Britain | British | London
United States | US, U.S., USA, U.S.A., United States of America | American | Washington
Uruguay | | Uruguayan | Montevideo
Uzbekistan | | Uzbek | Tashkent
Vanuatu | | | Port Vila
Vatican | Holy See, Vatican City | |
Venezuela | | Venezuelan | Caracas
Vietnam | Viet Nam | Vietnamese | Hanoi
Yemen | | Yemeni | Sanaa, Sana'a
Zambia | | Zambian | Lusaka
Zimbabwe | | Zimbabwean | Harare
England | | English |
Scotland | | Scottish, Scots | Edinburgh
Wales | | Welsh | Cardiff
Northern Ireland | | | Belfast
Hong Kong | | | 
"""

# Adjectives for peoples, regions and faiths that are not one country's.
_OTHER_ADJECTIVES = """
Arab Arabic African Asian European Western Eastern Northern Southern Middle
Latin Nordic Baltic Balkan Caucasian Pacific Atlantic Mediterranean Gulf
Kurdish Kurd Palestinian Druze Pashtun Tamil Uyghur Uighur Tibetan Basque
Catalan Flemish Sikh Hindu Muslim Islamic Christian Jewish Catholic Protestant
Orthodox Shiite Shia Sunni Buddhist Chechen Crimean Latino Hispanic Persian
Slavic Soviet Ottoman Celtic Bavarian Texan Californian Floridian Sahrawi
Rohingya Yazidi Alawite Maronite Coptic Berber Tatar Cossack Bedouin
"""

# Hyphenated descriptors that qualify a name rather than being one: "Kenyan-born", "Iran-backed".
DESCRIPTOR_SUFFIXES = (
    "-born", "-based", "-backed", "-led", "-controlled", "-owned", "-linked",
    "-funded", "-allied", "-aligned", "-run", "-held", "-made", "-bred",
    "-raised", "-listed", "-registered", "-flagged", "-bound", "-occupied",
    "-affiliated", "-sponsored", "-headquartered", "-supported", "-friendly",
)


def _parse_countries() -> tuple[dict[str, tuple[str, ...]], dict[str, str], dict[str, str]]:
    names: dict[str, tuple[str, ...]] = {}
    adjectives: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        country, others, peoples, seats = (part.strip() for part in line.split("|"))
        names[country] = (country, *filter(None, (o.strip() for o in others.split(","))))
        for adjective in filter(None, (a.strip() for a in peoples.split(","))):
            adjectives[adjective.lower()] = country
        for seat in filter(None, (s.strip() for s in seats.split(","))):
            capitals[seat.lower()] = country
    return names, adjectives, capitals


# Default name of a country -> every name it goes by, as written ("United States" -> "US", ...).
COUNTRY_FORMS, _COUNTRY_ADJECTIVES, CAPITALS = _parse_countries()
# Lower-cased country name or other name -> default name ("u.s." -> "United States").
COUNTRY_NAMES: dict[str, str] = {form.lower(): country for country, forms in COUNTRY_FORMS.items() for form in forms}
# Lower-cased adjective -> country, where there is one ("taiwanese" -> "Taiwan").
COUNTRY_ADJECTIVES: dict[str, str] = _COUNTRY_ADJECTIVES
# Every nationality, regional or faith adjective, lower-cased.
NATIONALITY_ADJECTIVES: frozenset[str] = (
    frozenset(_COUNTRY_ADJECTIVES)
    | frozenset(adjective.split()[-1] for adjective in _COUNTRY_ADJECTIVES)  # "Korean" as in "North Korean"
    | frozenset(w.lower() for w in _OTHER_ADJECTIVES.split())
)
# Nationality words that stand for one person after "the": "the Spaniard said", "the Norwegian
# added".  Those in -ese, -ish, -ch or -ss ("the Chinese", "the French") mean a people or its
# government, so only adjectives in -an and -i count, with the nouns that differ from the adjective.
DEMONYMS: frozenset[str] = frozenset(a for a in NATIONALITY_ADJECTIVES if a.endswith(("an", "i"))) | frozenset(
    """spaniard frenchman frenchwoman dutchman dutchwoman briton englishman englishwoman scot scotsman
    scotswoman welshman welshwoman irishman irishwoman swede dane finn pole turk""".split()
)

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
# Abbreviations count as months only beside a number or with their stop ("Oct. 7", "Nov 1").
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Months that are also names or verbs ("Theresa May", "March on"): months only beside a date word.
AMBIGUOUS_MONTHS = frozenset("may march june april august".split())
# Words before a month in a date: "in May", "since March", "early June".
DATE_LEADS = frozenset("in on since until till by last next early late mid this of from through before after during".split())

# Capitalised words that begin sentences, headlines and clauses without naming anyone:
# connectives, adverbs of time and manner, discourse words.
SENTENCE_WORDS = frozenset(
    """
    additionally also although afterwards again already altogether amid amidst
    anyway apparently as at because besides briefly but by certainly clearly
    consequently conversely crucially currently eventually earlier elsewhere
    equally especially even eventually finally first firstly for formerly
    further furthermore hence here however importantly in indeed initially
    instead interestingly ironically it's lastly later likewise meanwhile
    moreover nevertheless nonetheless notably now obviously of often once
    only originally otherwise overall perhaps previously recently regardless
    regarding reportedly second secondly separately similarly since so
    still subsequently such third thirdly thus today tomorrow tonight
    too ultimately unfortunately yesterday yet while whereas whether though
    speaking asked according following despite amongst against across
    meantime overnight recently specifically significantly surprisingly
    fortunately sadly thankfully together alongside beyond inside outside
    within without upon toward towards via per unlike like near
    update updated breaking exclusive watch read listen live latest related
    more less many most much few several some other others another each every
    all both either neither none nor not no yes any roughly nearly approximately
    almost exactly just mostly partly largely mainly merely simply
    are is was were do does did has have had will would can could should must
    around up down
    """.split()
)

# A paragraph that opens with one of these and a colon is a section label, not a source.
SECTION_LABELS = frozenset(
    " ".join(label.split())
    for label in """
    context|background|analysis|update|updated|editor's note|editors note|note|
    the bottom line|bottom line|why it matters|what's next|what next|the big picture|
    big picture|between the lines|zoom in|zoom out|go deeper|catch up|driving the news|
    state of play|the latest|what they're saying|what they are saying|flashback|details|
    key points|key facts|timeline|factbox|explainer|correction|clarification|read more|
    read also|see also|related|watch|listen|photo|file photo|video|opinion|comment|
    the backstory|backstory|by the numbers|the other side|yes, but|what we're watching|
    the intrigue|reality check|what to watch|our thought bubble|the context|summary
    """.split("|")
)

# Agencies and picture desks named in credit lines ("REUTERS/Jane Doe", "(AP Photo)").
CREDIT_AGENCIES = frozenset(
    """getty images reuters afp ap epa bloomberg shutterstock alamy xinhua anadolu
    pa efe sipa ani ians pti yonhap kyodo tass ria bss dpa ansa nurphoto zuma
    sopa abaca istock imago""".split()
)
CREDIT_WORDS = frozenset("photo photos picture pictures image images illustration file handout".split())

# Head nouns of the names of institutions: a capitalised run holding one is an organisation.
INSTITUTION_WORDS = frozenset(
    """
    government office ministry service agency department council committee
    parliament commons house army navy forces force police court union nations
    party news group bank company corporation inc ltd limited university institute
    commission alliance administration assembly kremlin pentagon cabinet
    embassy senate congress network times post press tribune telegraph guardian
    economist zone association federation organisation organization foundation
    society board authority trust charity coalition league confederation chamber
    centre center centres centers club corp co plc llc fund programme program institution
    unions airline airlines affairs command corps guard guards treasury
    bureau directorate secretariat inspectorate tribunal council movement
    front brigade brigades battalion militia regiment division fleet academy
    college school hospital clinic laboratories labs laboratory reserve exchange
    holdings group's industries enterprises technologies systems motors media
    broadcasting television radio channel magazine journal herald gazette
    daily weekly agency's ministry's office's department's committee's
    international watch rights
    """.split()
)

# Last words of place names: "Red Sea", "Kursk Oblast", "Eastgate Mall".
PLACE_WORDS = frozenset(
    """
    sea ocean gulf bay strait straits river lake island islands peninsula coast
    mountain mountains hills heights valley desert canal channel shoal reef
    city town village county province region oblast district state territory
    street square avenue road bridge airport port harbour harbor station
    mall plaza park stadium arena theatre theater hotel tower palace
    border crossing corridor strip bank basin plain plateau delta cape
    """.split()
)
# First words of place names: "New Hampshire", "San Francisco", "North Korea".
PLACE_PREFIXES = frozenset(
    """new san santa santo los las el la st saint fort port mount lake cape
    north south east west upper lower great greater central northern southern
    eastern western""".split()
)

# Prepositions after which a place name is where something happened, not who spoke.
LOCATIVE_WORDS = frozenset(
    """in at near across into inside outside throughout around towards toward
    within off onto over under along beyond between among amid amidst to via
    through past""".split()
)

# Nouns that describe a person before or instead of their name:
# "track star Ruth Chebet", "the 28-year-old", "the Kenyan-born runner".
PERSON_DESCRIPTORS = frozenset(
    """
    star athlete runner sprinter player batter batsman bowler skipper quarterback pitcher striker midfielder defender goalkeeper winger forward
    captain coach manager boxer fighter swimmer cyclist skier golfer champion
    singer rapper musician artist actor actress comedian director producer
    writer author novelist poet journalist reporter columnist editor
    photographer presenter host anchor blogger influencer
    businessman businesswoman entrepreneur billionaire tycoon investor banker
    economist analyst lawyer attorney barrister solicitor prosecutor judge
    doctor surgeon scientist researcher professor academic student teacher
    activist campaigner lawmaker legislator politician candidate nominee republican democrat
    veteran survivor victim suspect defendant plaintiff witness father mother
    son daughter husband wife brother sister widow widower boy girl man woman
    teenager teen youngster child resident pilot driver officer soldier
    cleric imam priest bishop rabbi monk ruler monarch dictator strongman
    founder owner chairman chairwoman boss chief executive ceo cfo spokesman
    spokeswoman spokesperson aide adviser advisor envoy diplomat official
    inventor designer architect engineer chef model hero agent
    consultant radiologist nurse paramedic midwife pharmacist dentist physician
    psychiatrist psychologist pathologist coroner epidemiologist virologist clinician
    therapist surgeon detective inspector sergeant constable lecturer historian curator
    accountant auditor broker trader strategist forecaster meteorologist geologist
    seismologist biologist chemist physicist statistician archaeologist astronomer
    technician mechanic contractor landlord tenant shopkeeper headteacher headmaster
    headmistress pupil councillor councilor magistrate juror sheriff warden ranger
    referee umpire mediator
    """.split()
)
# Words that follow a business's name, and seldom a town's: "Tesla shares", "Nordair's chief executive".
COMPANY_CONTEXT = frozenset(
    """shares stock stocks shareholders investors customers employees staff workers executive executives
    ceo chairman chairwoman spokesperson spokesman spokeswoman board profits profit revenue revenues sales
    earnings products brand factory factories plant plants stores warehouse warehouses subsidiary unit founder
    boss parent""".split()
)
# Of those, the words for a site, which follow a place as often: "its Leicester plant", "the Texas factory".
COMPANY_SITES = frozenset("factory factories plant plants stores warehouse warehouses unit".split())
# "the company" and its like describe a business, which a body whose name ends in one of
# PUBLIC_BODY_ENDS is not ("... Administration", "... Safety Center").
BUSINESS_NOUNS = frozenset(
    """firm company giant maker chipmaker carmaker automaker drugmaker steelmaker planemaker shipbuilder
    manufacturer producer carrier airline bank lender insurer retailer chain
    brand utility operator provider developer builder contractor supplier distributor exporter importer
    startup start-up conglomerate subsidiary""".split()
)
# Nouns that describe an organisation before or instead of its name:
# "security firm Vantor", "the company", "the regulator".
ORG_DESCRIPTORS = BUSINESS_NOUNS | frozenset(
    """
    group broadcaster newspaper outlet paper tabloid magazine channel station
    network publisher agency watchdog regulator authority body ministry
    department office organisation organization charity nonprofit non-profit
    ngo foundation institute university union association federation
    league club team party movement militia faction coalition alliance
    unit division arm service
    council committee commission board court tribunal government
    administration military army navy police force
    """.split()
)
PUBLIC_BODY_ENDS = frozenset(
    """administration agency authority body ministry department office organisation organization charity
    nonprofit non-profit ngo foundation institute institution university union association federation league
    party movement council committee commission board court tribunal government military army navy police
    watchdog regulator center centre society""".split()
)
# Organisation nouns whose bare use ("the company", "the group") points back to the
# organisation last introduced; the public bodies among them keep their modifiers
# as a name of their own ("the Ukrainian military", "the Danish government").
PUBLIC_BODIES = frozenset(
    """government administration military army navy police ministry department
    office council committee commission court authority authorities cabinet
    parliament assembly senate congress""".split()
)
# Modifiers that do not tell one organisation from another: "the press service".
GENERIC_MODIFIERS = frozenset("press media news main official state-run state-owned national local".split())
# Words an institution's name may add to a shorter form of it: "Treasury" -> "Treasury Department".
GENERIC_NAME_WORDS = frozenset(
    """the of and for department ministry office agency service affairs movement
    group party organisation organization authority bureau administration
    inc inc. corp corp. co co. ltd ltd. plc llc company corporation""".split()
)

# Things a source writes or issues; "the report" points back to whoever issued it.
DOCUMENT_NOUNS = frozenset(
    """statement report article story study email e-mail letter document release
    filing memo survey poll tweet post communique communiqué readout transcript
    complaint lawsuit indictment ruling verdict assessment analysis review
    investigation probe tallies tally figures estimates estimate data findings inquiry audit""".split()
)

# Plural nouns for people that are a source on their own only as the subject of a
# reporting verb: "3,000 North Korean soldiers arrived" names no source.
CROWD_NOUNS = frozenset(
    """soldiers troops forces fighters militants rebels insurgents civilians
    people residents villagers citizens protesters demonstrators workers
    employees staff students children kids women men families refugees
    migrants passengers fans voters patients victims casualties hostages
    prisoners detainees inmates units personnel crew crews sailors marines
    pilots tourists visitors shoppers customers mourners crowds""".split()
)

# Nouns for a set of countries or people named just before: "the countries", "both leaders".
COLLECTIVE_NOUNS = frozenset(
    """countries nations states governments allies partners members ministers
    leaders sides parties signatories powers agencies organisations organizations
    companies firms groups banks""".split()
)

# Honorifics and job-title words that may precede a name ("Defence Secretary John Healey").
# A capitalised run is split after its last one.
TITLE_WORDS = frozenset(
    """mr mrs ms mx miss dr prof sir dame lord lady baroness baron earl duke duchess marquess countess viscount
    king queen prince princess pope rev president vice prime minister
    secretary chancellor senator sen rep representative congressman
    congresswoman governor gov mayor general gen colonel col admiral adm
    commander major captain capt lieutenant lt sergeant sgt marshal chief
    spokesman spokeswoman spokesperson ambassador envoy deputy foreign
    defence defense home interior justice finance state press shadow
    former acting chairman chairwoman chair director judge attorney
    inspector commissioner speaker premier leader head counterpart
    maj brig cmdr supt insp det cpl pvt amb pres official brigadier detective
    superintendent constable corporal clerk registrar treasurer comptroller sheriff coroner
    councillor councilor councilman councilwoman alderman assemblyman assemblywoman
    shri sri smt shrimati thiru selvi sheikh sheikha engr alhaji alhaja mallam malam hon honourable
    honorable rt excellency dato datuk ayatollah maulana mufti rapporteur mep mla mpp""".split()
)
# Party words that, like a nationality, may stand before a politician's name ("Republican Jane Doe").
PARTY_ADJECTIVES = frozenset("republican democrat democratic conservative tory labour liberal socialist communist".split())
# Abbreviated titles and the office they write ("Sen. Ana Ruiz" is "the senator" later).
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "col": "colonel",
    "adm": "admiral", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant", "maj": "major",
    "cmdr": "commander", "insp": "inspector", "amb": "ambassador", "pres": "president", "prof": "professor",
    "brig": "brigadier", "det": "detective", "supt": "superintendent", "cpl": "corporal",
}
# Words after which a single capitalised word is a person, not a place.
HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir dame lord lady baroness baron shri sri smt shrimati thiru engr alhaji hon".split())
# Letters after a name that are no part of it: "Simon Hale KC", "Jane Ode MP", "Ann Lee OBE".
POST_NOMINALS = frozenset("KC QC SC MP MSP MS MEP MLA TD MBE OBE CBE KBE DBE PhD".split())
PEERAGE = frozenset("lord lady baroness baron viscount earl duke duchess marquess countess".split())
FEMALE_WORDS = frozenset("mrs ms miss dame lady baroness queen princess smt shrimati sheikha alhaja".split())
MALE_WORDS = frozenset("mr sir lord baron king prince".split())
# Kin right before a name tell its gender: "whose son Eitan", "his wife Maria".
FEMALE_KIN = frozenset("wife mother daughter sister widow girlfriend granddaughter grandmother niece aunt fiancee".split())
MALE_KIN = frozenset("husband father son brother widower boyfriend grandson grandfather nephew uncle fiance".split())
# Role nouns that can stand for a person or people ("the pair", "officials").
PERSON_ROLES = frozenset(
    """secretary minister official officials spokesman spokeswoman
    spokesperson diplomat diplomats president chief leader leaders pair
    crossbencher source sources officer officers commander ambassador
    envoy analyst analysts expert experts lawmaker lawmakers mp mps
    senator aide aides ally confidant adviser advisers advisor advisors investigator
    investigators prosecutor prosecutors member members premier chancellor
    governor mayor general spokespeople representative representatives
    negotiator negotiators ministers counterpart witness witnesses resident
    residents engineer engineers doctor doctors nurse nurses scientist
    scientists researcher researchers economist economists lawyer lawyers
    teacher teachers worker workers employee employees executive
    executives manager managers founder owner farmer farmers firefighter
    firefighters soldier soldiers activist activists campaigner
    campaigners protester protesters organiser organizer organisers
    organizers observer observers survivor survivors relative relatives family
    neighbour neighbor neighbors neighbours man woman men women
    chairman chairwoman director directors coach spokesmen administrator
    administrators insider insiders""".split()
)
# Sources whose "found" reports a finding with or without "that": "The researchers found the birds fared worst".
RESEARCHERS = frozenset("researcher researchers scientist scientists author authors team scholars".split())
# Role nouns that stand for an institution ("the ministry", "authorities").
INSTITUTION_ROLES = frozenset(
    """government agency office ministry administration authorities police
    military army service department kremlin pentagon embassy union
    unions association federation company firm council committee
    commission court regulator watchdog charity organisation
    organization group board agencies groups organisations organizations
    companies governments ministries charities authority""".split()
)
JOINT_ROLES = frozenset("pair duo trio".split())
# Role nouns that are a source on their own, with no determiner or modifier.
BARE_ROLES = frozenset("officials authorities sources diplomats investigators prosecutors".split())
# Lowercase words that may sit inside a title or role phrase.
MODIFIERS = frozenset(
    """senior former top deputy acting intelligence military defence defense
    foreign security government police health state federal local western
    shadow spy press independent junior leading unnamed anonymous
    parliamentary transport education trade energy environment culture
    labour labor agriculture economy economic digital housing treasury
    communications industry science technology immigration climate
    finance justice interior home cabinet opposition regional
    provincial city county municipal national international""".split()
)
# Capitalised function words: they start sentences and headlines but name no one.
FUNCTION_WORDS = frozenset(
    """the a an in on at to of for by from with as after before during
    when while but and or if it its this that these those there their his
    her he she they we i you our my your asked speaking read follow
    please keep install be credit comments however meanwhile also
    according last earlier later since despite although though until
    unlike like under over about into between among both either neither
    one two three some many most more much such what which who whom
    whose where why how all any each every no not yes so then than""".split()
)
# Lowercase words inside names: "Ministry of Defence", "Ursula von der Leyen".
LINK_WORDS = frozenset("of de da van von bin al le la del der du des".split())
# Prepositions that join the words of a body's name and of no person's: "Chambers of Commerce",
# "Doctors Without Borders", "Physicians for Human Rights".
BODY_LINKS = frozenset("of for without with against on".split())
# The link words that can open a surname: "von der Leyen said", "Bin Salman added".
NAME_PARTICLES = frozenset("de da van von bin del der du des".split())

# Nouns that a role word before them only modifies: "executive order", "military parade", "police station".
COMPOUND_HEADS = frozenset(
    """order orders parade drill drills exercise exercises operation base bases station
    vehicle vehicles gear aid equipment spending budget date case cases hearing ruling
    building headquarters compound camp convoy aircraft jet jets ship ships vessel vessels
    source sources chief spokesman spokeswoman spokesperson official officials leader
    leaders record records officer officers position positions presence action actions
    activity activities offensive strikes strike assets capability capabilities""".split()
)

# Last words of company names: "Nordvik Seafood", "Harbor Capital", "Tamsin Software".
COMPANY_WORDS = frozenset(
    """seafood foods food capital markets systems software energy motors pharmaceuticals
    pharma holdings partners logistics shipping mining resources oil petroleum steel
    airways telecom telecoms networks communications entertainment studios brands labs
    therapeutics biotech insurance securities investments ventures solutions technologies
    electronics chemicals materials industries enterprises airlines automotive robotics
    semiconductor semiconductors retail properties realty hotels resorts apparel beverages
    brewing brewery distillers dynamics aerospace defense defence rail railway railways air bus buses
    water gas electric utilities media mobile""".split()
)
