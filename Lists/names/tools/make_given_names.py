#!/usr/bin/env python3
"""Writes Lists/names/given-names.tsv: given-name nicknames and transliteration variants.

Sources:
  * the `nicknames` package (PyPI, Apache-2.0; carlton-data/nicknames, hand-curated English
    name <-> nickname pairs): rows `nickname<TAB>full<TAB>nick nick...`;
  * transliteration-variant groups written here by hand from the BGN/PCGN romanisations and the
    spellings the sanctions lists themselves use (Slavic, Arabic, Persian, Turkic given names):
    rows `variants<TAB>name name name...` (every member equivalent to every other).

Run: python3 -m venv v && v/bin/pip install nicknames==1.0.1 && v/bin/python make_given_names.py
Not run at build time; the generated file is committed.
"""
import csv
import importlib.metadata
import os
import sys
from collections import defaultdict

import nicknames

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "given-names.tsv")

# Groups of spellings of one given name across romanisations. Every spelling in a group is
# another way the same name is written; no nicknames here (those come from the package).
VARIANTS = """
aleksandr alexander aleksander oleksandr aliaksandr aliaksandar alyaksandr alexandr aleksandar alexandre alessandro alejandro iskandar iskander alexandros
aleksei alexei alexey aleksey oleksii oleksiy aliaksei alyaksey
andrei andrey andriy andrii andrej andrzej andrew andreas andres
anatoly anatolii anatoliy anatoli anatol
arkady arkadiy arkadii
boris barys
dmitry dmitri dmitriy dmitrii dmytro dzmitry dzmitryi dimitrios
evgeny evgeniy evgenii yevgeny yevgeniy yevhen yauhen ievgen eugene evgeni yevgeni jewgeni jewgenij jewgienij jevgenij evgenios
fyodor fedor fiodor fedir fiodar theodore theodoros
georgy georgiy georgii heorhiy heorhii george jurgen georgios
grigory grigoriy grigorii hryhoriy hryhorii ryhor gregory grigorios
igor ihor ihar
ilya ilia illia illya elijah ilias
ivan ivano iwan
konstantin kostiantyn kanstantsin constantine konstantinos
maksim maxim maksym maksim maxime
mikhail mykhailo mikhail mikhal michail michael mikhael michalis
nikolai nikolay mykola mikalai mikalay nicolai nikolaj nicholas nicolas nikolaos
oleg oleh aleh
pavel pavlo paval paul pavol pavlos
pyotr petr petro piotr pyatro peter pierre pietro petros
sergei sergey serhiy serhii siarhei syarhey sergiy sergio serge sergios
stanislav stanislau
vadim vadym vadzim
valery valeriy valerii valeri
vasily vasiliy vasilii vasyl vasil vasilios vasileios
viktor victor wiktor viktar
vitaly vitaliy vitalii vital
vladimir volodymyr uladzimir wladimir vladimir
vyacheslav viacheslav vyacheslau vyachaslau viachaslau
yakov yakiv jakub jacob yaakov yaqub yakub yaqoob yaqoub yacoub yakoub
yaroslav jaroslav yaraslau
yury yuri yuriy yurii iurii jury juri
mohammed muhammad mohamed mohamad mohammad muhammed mohammad mohamud muhamad mohammod mohamet mehmet mehmed muhammet mhamad mhammad mhamed mohd md mahamed muhamed mahammad mahammed mukhammad mukhammed
ahmed ahmad ahmet achmed akhmed ahmat ehmed
mahmoud mahmud mahmood mahmut makhmud mehmood mehmud mehmoud mahamoud mahmod makhmoud
mustafa mustapha moustafa mostafa mustafo
yusuf youssef yousef yousif yusif yousuf yosef joseph yussuf iosif osip yusup yousaf yusef
ibrahim ebrahim ibraheem brahim abraham avraham ibragim
ismail ismael esmail ismayil ismoil
ali aly alee
hassan hasan hasen hasaan
hussein husain hossein husayn hussain huseyn husseyn hosein huseyin hossain hussen husein
abdullah abdallah abdulla abdollah abdellah abdula
abdulrahman abdelrahman abdurrahman abdolrahman abdurakhman abdurahman
abdulaziz abdelaziz abdulaziz abdolaziz
omar umar omer umer
osama usama usamah oussama
khalid khaled halid
khalil khaleel halil
jamal gamal djamal jamaal
jafar jaafar jaffar dzhafar
karim kareem kerim
rashid rasheed rachid reshid rashed
said saeed sayed sayyid saiid
salim saleem selim
suleiman sulaiman soleiman soliman sulayman suleyman sulejman
tariq tarik tarek tareq
walid waleed velid
yahya yahia yehia
younis yunus younes yunis jonah
zakaria zakariya zakariyya zakariah zachary
abbas abas
reza riza rza rida ridha redha
musa moussa mousa musah moosa mussa
mehdi mahdi mehdy
javad jawad cevad
jalal djalal celal
hamid hameed hamed
majid majeed mejid
mojtaba mujtaba
gholam ghulam gulam golam
qasem qasim kasim kassem ghasem kasem
ruslan ruslon
rustam rustem rostam rustum
timur temur teymur temir
nurlan nurlon
ramzan ramazan ramadan
magomed magomet mahomed
akhmad akhmat ahmad
islam islom
salman selman salmaan
shahid shaheed
nasser nasir naser nassir nacer
faisal faysal feisal faycal
fahad fahd
adel adil aadil
samir sameer
tahir taher tahar
zaid zayd zeid zayed
ziad ziyad ziyed
idris idriss edris
hamza hamzah
kamal kemal
nabil nabeel
habib habeeb
latif lateef
aziz azeez
hakim hakeem
saleh salih
sharif shareef cherif sherif
naim naeem
wasim waseem
nadim nadeem
faruq farooq farouk faruk farouq
javed javid jawed javaid
pervez parvez parviz perviz
sohail suhail
shoaib shuaib shuayb
anwar anouar enver
amin ameen emin
bilal belal
hashem hashim hachem hasim
kazem kazim kadhim
morteza murtaza mortaza murtadha
mohsen muhsin mohsin
yasin yassin yaseen yassine
ayman aiman eyman
imad emad
ayoub ayub eyup ayyub
mansour mansur mansoor
masoud masud massoud masood
murad mourad morad
tawfiq tawfik taufik tevfik
daud dawood dawud davud daoud
harun haroun haroon
farid fareed
zubair zubayr zobair
hafiz hafez
haider haidar heidar hyder
bashir basheer bachir
nazir nazeer
qadir kadir kader qader
wahid waheed
rahim raheem
rahman rehman
zahir zaheer zaher
jamil jameel djamil
shakir shaker
munir mounir
maher mahir
fatima fatma fatemeh fatimah
aisha aysha ayesha aicha aishah
khadija khadidja khadijah
zainab zaynab zeinab
maryam mariam meryem
sadia saadia sadiya
amina aminah emine
leila layla laila leyla
ekaterina yekaterina kateryna katsiaryna katerina katarina kaciaryna jekaterina jekatierina
elena yelena olena alena alyona jelena
olga olha volha
natalia natalya nataliya natallia natalja
tatiana tatyana tetiana tatsiana tatjana
yulia yuliya iuliia yuliia julia
maria mariya mariia maryia
svetlana sviatlana svitlana
irina iryna
anna hanna ganna
lyudmila ludmila lyudmyla liudmila
galina halyna galyna
nadezhda nadiya nadzeya
anastasia anastasiya anastasiia anastasija
ksenia kseniya kseniia
larisa larysa
rafi rafee rafie
rabi rabie rabih rabee rabea
louay loay luay louai
moataz moetaz mutaz motaz muataz moutaz
meshal mishal meshaal mishaal
bandar bander
riyad riad riyadh riadh riaz riyaz
muhannad mohannad mouhannad muhanad mohanad
hisham hesham hicham hichem
thamer thamir
faleh falih
suad souad soad suaad
noureddine nuruddin nureddin nooruddin nuraddin nurettin nouredine nuriddin
abdulmajeed abdulmajid abdelmajid abdelmadjid abdolmajid abdelmajeed
abdulkarim abdulkareem abdelkarim abdelkrim abdolkarim abdulkerim
abdelhamid abdulhamid abdulhameed abdolhamid abdelhamed abdulhamit
abdelkader abdulqadir abdulkadir abdelqader abdulkader abdelkadir abdulqader
abdelmalek abdulmalik abdelmalik abdulmalek abdolmalek
abdelwahab abdulwahab abdelouahab abdulwahhab abdolvahab
abdelghani abdulghani abdelghany abdolghani
abdelhakim abdulhakim abdelhakeem abdulhakeem
abdellatif abdullatif abdulatif abdellatef abdelatif
abdelnasser abdulnasser abdelnaser abdulnasir abdennasser
abdelsalam abdulsalam abdessalam abdesselam abdussalam abdusalam abdolsalam abdeslam
abdulrazzaq abdelrazek abderrazak abderrazek abdulrazak abdurazak abdelrazzaq
abdelrahim abdulrahim abderrahim abdurrahim abdolrahim abdelraheem
abdulilah abdelilah abdulelah abdelillah
abdelhadi abdulhadi abdelhady
abdeljalil abduljalil abdoljalil abdeldjalil
abdeljabbar abduljabbar abdeljabar abduljabar
abdulbasit abdelbaset abdelbasset abdulbaset abdelbasit
abdelfattah abdulfattah abdelfatah abdulfatah
abdelghafour abdulghafoor abdelghafur abdulghafur
abdelmoneim abdulmunim abdelmonem abdulmoneim abdelmonaim
abdulwahid abdelwahed abdulwahed abdelouahed abdolvahed
abdulhalim abdelhalim abdulhaleem abdolhalim
abdulkhaliq abdelkhalek abdulkhalik abdelkhaleq abdolkhaleq
abdulhafiz abdelhafid abdulhafeez abdelhafiz
abdulghaffar abdelghaffar abdolghaffar abdulgaffar
abdulqayyum abdulqayum abdulkayum
abdulsamad abdelsamad abdessamad abdussamad abdolsamad
abdulhaq abdelhak abdelhaq abdolhaq abdulhak
abdulrauf abdelraouf abdulraouf abdurrauf abdelrauf
abdulmohsen abdelmohsen abdulmuhsin abdulmohsin
abdulhussein abdulhussain abdolhossein abdelhussein
abdulsattar abdelsattar abdussattar abdolsattar
abdulrashid abdurrashid abdelrachid abdulrasheed abderrachid abdurashid
khalifa khalifah khaleefa
mubarak moubarak mobarak mbarek
nayef naif nayif
turki torki turky
nawaf nawwaf
fawaz fawwaz
saud saoud
badr bader badar
saqr saqer saker sakr
humaid humayd
obaid ubaid obeid oubaid ubayd
ubaidullah obaidullah obaidallah ubaydullah obeidullah
jalaluddin jalaleddin jalaladdin celalettin jalaludin
salahuddin salaheddine salahaddin salaheddin selahattin salahudin
alaeddin alaeddine alauddin alaaddin alaattin
shamsuddin shamseddine shamsaddin shamsudin semsettin
nasreddine nasreddin nasruddin nasraddin
nasiruddin naseeruddin nasirudin nasiraddin
zainuddin zineddine zeineddine zaynuddin zainudin
kamaluddin kamaleddine kamaladdin kemalettin kamaludin kamoliddin
badruddin badreddine badraddin bedrettin badrudin
bahauddin bahaeddine bahaaddin bahattin bahaudin
muhyiddin mohieddine mohyeddin muhieddine mohiuddin muhittin
fakhruddin fakhreddine fakhraddin fahrettin fakhrudin
nizamuddin nizameddine nizamaddin nizamettin
imaduddin emadeddine imadeddine emadeddin imadaddin
izzuddin ezzeddine ezzedine izzeddin izzaddin izzettin
saifuddin seifeddine saifeddine sayfuddin seyfettin saifudin
sirajuddin sirajeddine serajuddin serajeddin sirajudin
shahabuddin shihabuddin shehabeddine shahabeddin shihabeddin
ziauddin ziaeddin ziyauddin
firoz feroz firuz firouz feroze firooz
najmuddin najmeddine najmaddin necmettin najmudin
khairuddin kheireddine khayreddin hayrettin khaireddin
sharafuddin sharafeddine sharafeddin serafettin
burhanuddin borhaneddine burhaneddin burhanettin
ammar ammaar
yasser yasir yassir yaser
anas anes enes
uthman othman osman usman ousmane othmane usmon
hussam husam hossam houssam hosam
haitham haytham heitham haithem
hatem hatim
ghassan gassan ghasan
marwan marouane merouane
rami ramy
fadi fady
hadi hady hedi
bassam basam
wissam wessam wisam ouissam
hazem hazim
raed raaed
nidal nedal
iyad eyad iyyad
fouad fuad foad fuat fawad
tayseer taysir tayssir taisir
khaldoun khaldun khaldoon
sufyan sofiane soufiane sufian sofian
fathi fathy fethi
lotfi lutfi lotfy lutfy lutfu
mazen mazin
nizar nezar
ashraf achraf esref
hani hany
munther mundhir munzer monzer
moayad muayad mouayad muayyad
qusay qusai kusay qussay
uday udai odai oday
amjad amjed
amr amro amrou
ghaith ghayth gaith
ghazi gazi
hilal helal
imran emran imraan
kamil kameel komil
nouri nuri noori
ridwan radwan redouane rizwan ridvan redwan
rafiq rafik rafeeq refik rafic
sabri sabry
sadiq sadeq sadek sadik sadegh
wajdi wagdy wajdy
zaki zaky
zuhair zouhair zuheir zohair zuhayr
saif seif sayf seyf
shawqi shawki chawki shawky
shukri shoukri choukri shokri sukru
mokhtar mukhtar moukhtar muhtar
muadh moaz muaz muath mouaz mouad
hammoud hamoud hamud
raouf rauf raoof
rifaat refaat rifat
safwan safouane
saddam sadam
jaber jabir djaber gaber
jassim jasim jassem jasem
jumaa juma jomaa jumah
thabit thabet sabit
ramzi ramzy remzi
fawzi fawzy fevzi fauzi
hosni husni hosny husny husnu
magdi majdi magdy majdy
midhat medhat mithat
helmi hilmi helmy
adham adhem edhem
ezzat izzat izzet
esmat ismat ismet
morsi mursi morsy
tharwat sarwat servet
sobhi subhi sobhy
essam issam isam
akram ekrem
belkacem belkassem belgacem belqasim
tayeb tayyib tayyip taieb tayyeb
qais qays kais kays
naoufel nawfal naufal noufel
ehab ihab
naji nagi nagy
najib nagib naguib najeeb necip
rajab recep rejep ragab radjab
saber sabir
farag faraj
bashar bachar
asif asef assef
firas feras
ghiath ghiyath ghayath
tamim tameem temim
muqtada moqtada muktada
ghanim ghanem
fadil fadel fazel fazil
shahab shihab shehab
yasmin yasmine yasmeen yasemin jasmin
nour noor nur
huda houda
hana hanaa
rania raniya ranya
rasha racha
samira sameera samirah
najla najlaa nagla
nawal nawel
noura nura noora
amal amel
asma asmaa asmae esma
zahra zahraa zehra
lubna loubna
hiba heba hibah
iman eman imane
sawsan sausan sawsen
wafa wafaa ouafae ouafa
widad wedad ouidad
safia safiya safiyya safiyyah
sumaya sumaiya soumaya sumayyah somaya
ruqayya ruqaya ruqayyah roqaya rokaya roghayeh rukiye rokeya
jamila jameela djamila cemile
kawthar kawsar kausar kaoutar kevser
karima kareema
latifa latifah lateefa
malika malikah melike
nabila nabeela
naima naeema
nasrin nasreen nesrine nesrin nisreen nisrine
shaima shaimaa shaymaa chaimae chaima
siham seham
soraya suraya thuraya thurayya sorayya
yousra yusra yosra
halima halimah halime
ibtisam ibtissam ebtisam
inas enas
marwa marwah merve
shirin shireen shereen sherine
fadwa fadoua
bushra bouchra boushra
khawla khaoula khaula
ilham elham ilhom ilkhom ilkham
fouzia fawzia fauzia fawziya
soukaina sukaina sukayna
hajar hadjer hadjar hacer
ghizlane ghizlan ghezlane
hanane hanan
samia samiya
salima saleema selima
maitha maytha
shaikha sheikha shaykha
hessa hissa
amna amnah
munira mounira muneera
abeer abir
areej arij
aseel asil
dua duaa doaa
esraa israa isra
tasneem tasnim
zeina zaina zeena
aliya alia aliyah
habiba habeeba habibe
nafisa nafeesa nefise
kaveh kave
gholamreza ghulamreza golamreza gholamriza
gholamhossein ghulamhussain gholamhosein golamhossein ghulamhusain
gholamali ghulamali golamali
mohammadreza mohamadreza muhammadreza mohammedreza
mohammadali mohamadali muhammadali
alireza aliriza
amirhossein amirhosein amirhussein
abolfazl abulfazl abolfazel
abolghasem abolqasem abulqasim abulkasim
behrouz behruz behrooz
bahram behram bahrom
bijan bizhan
dariush daryoush darioush daryush
ehsan ihsan ehsaan
esfandiar esfandiyar isfandiyar
farhad ferhat farhod
farshid farsheed
fereydoun fereydoon feridun faridun fereidoun
hooshang houshang hushang
iraj eraj
jahangir jahangeer cihangir jahongir
jamshid jamshed jamsheed
kamran kamron
kourosh kurosh koorosh
manouchehr manuchehr manoochehr
peyman payman paiman
pouya pooya puya
rasoul rasul rasool resul
shahriar shahriyar shahryar
siavash siavosh siyavash siyavush
sohrab suhrab
touraj turaj tooraj
khosrow khosro khusraw khusrav
omid umid
navid naveed
farzaneh farzana farzona
fereshteh fereshta freshta farishta
masoumeh masumeh masuma masooma
mahboubeh mahbuba mahbooba
marziyeh marzieh marziya
narges nargis nargiz
parvaneh parwana parvana
sakineh sakina sakinah sakine
sedigheh sediqa siddiqa
soheila suhaila suhayla soheyla
tahereh tahira tahera
afsaneh afsana
farideh farida faride
nahid naheed
negar nigar nigora
parvin parveen perveen
shabnam shabnum shebnem
feruza firuza feruze firouzeh
nilufar nilufer niloufar nilofar
ataullah attaullah ataollah atallah
habibullah habibollah habiballah
rahmatullah rahmatollah rahmatulla
hidayatullah hedayatullah hedayatollah
nematullah nematollah nimatullah nimatollah niamatullah
asadullah asadollah asadulla
saifullah sayfullah saifollah seifollah seyfullah
zabihullah zabiullah zabihollah zabiollah
najibullah najibollah najeebullah
amanullah amanollah amanulla
fazlullah fazlollah fazalullah
inayatullah enayatollah enayatullah
azizullah azizollah
hamidullah hamidollah
khairullah khairallah kheirallah khayrullah
nasrullah nasrallah nasrollah nasrulla
fathallah fathullah fathollah fethullah
lutfullah lotfollah lutfallah lotfullah
ruhollah ruhullah rohullah rouhollah
naqibullah naqibollah nakibullah
qudratullah qodratollah qudratulla
sibghatullah sebghatullah sebghatollah
hekmatullah hikmatullah hekmatollah
sanaullah sanaollah sanaulla
nurullah nurollah noorullah
ihsanullah ehsanullah ehsanollah
samiullah samiollah samiulla
hafizullah hafizollah
mirwais mirvais
asghar asgar
akbar ekber
heshmat hashmat
hojjat hujjat
qorban ghorban qurban kurban
shahrukh shahrokh shokhrukh shohruh
behzad bekhzod behzod
rovshan ravshan rawshan
rashad rashod reshad
ulugbek ulughbek
shavkat shaukat shawkat shevket sevket
bakhtiyar bakhtiar bakhtiyor baxtiyor
bakhodir bahodir bakhadir bahadir bahadur
dilshod dilshad delshad
farrukh farukh farrux
khurshid khurshed khorshid hurshid khorshed khursheed
shukhrat shuhrat shokhrat shohrat
sherzod sherzad
sanjar sanzhar sencer
zafar zafer zaffar
askar asqar
bakytzhan bakhytzhan bakytjan baqytzhan
daulet davlat dovlet dawlat
yerlan erlan
yerzhan erzhan
yerbol erbol
kairat kayrat qairat
kanat qanat
nursultan nursoltan
zhanibek dzhanibek janibek zhanybek
gulnara gulnora
zarina zareena zarrina
oybek aibek aybek
sardor sardar serdar
zakir zokir
nazim nozim nadhim
asel assel
bolat bulat
dzhokhar jokhar dzhohar
shamil shamyl
zelimkhan zelimhan
jibril jibreel jabril dzhabrail djibril
chingiz cengiz cingiz shyngys
junaid junayd juned
irfan erfan
atif ateef
fahim faheem
ishaq ishak ishaaq iskhak ishaque
khurram khoram khorram
mudassar mudassir mudasir
noman nouman numan nauman
raheel rahil
sajjad sajad
shahzad shehzad
shakeel shakil
shamim shameem
tanvir tanveer tanweer
zeeshan zishan
zulfiqar zulfikar zolfaghar
akhtar akhter
ejaz ijaz aijaz
faiz faez fayez
hasnain hassnain hasnein
liaqat liaquat liakat
moin mueen moeen muin
qaiser qaisar qayser
rayhan raihan rehan reyhan
shafiq shafik shafique chafik sefik
umair omair omayr umayr
arif aarif
asad assad
atiq ateeq atik
azim azeem
iftikhar eftekhar iftekhar
jalil jaleel djalil celil
kabir kabeer
mujahid mojahed
mujeeb mujib
nasim naseem
owais uwais awais uways oveis
wahab wahhab
qayyum qayum kayum
razzaq razak razaq
mamun mamoon maamun
humayun humaun homayoun humayoon
mizanur mizanor
rezaul rejaul
anisur anisor
habibur habibor
mujibur mujibor
lutfur lutfor
rafiqul rofiqul rafikul
towhidul tauhidul tawhidul
nurul noorul
sumaira sumera sumayra
samina sameena
rubina robina rubeena
zubaida zobaida zubeida zubaidah
kulsoom kulsum kulthum kalthoum
rehana raihana rayhana
hasina haseena
lakshmi laxmi
krishna krushna krisna
sanjay sanjai sanjoy
ajay ajai ajoy
vinod binod
vikram bikram
deepak dipak
pradeep pradip
sandeep sandip
kuldeep kuldip
jaswinder jasvinder
ranjit ranjeet
amarjit amarjeet
inderjit inderjeet indrajit
paramjit paramjeet
rajendra rajinder rajender
surendra surinder surender
mahendra mahinder mahender
narendra narinder narender
devendra devinder devender davinder
jitendra jitender jeetendra
virendra virender birendra
ravindra ravinder rabindra
rajiv rajeev
sanjeev sanjiv
artyom artem artiom artsiom
bogdan bohdan
denis denys dzianis
gennady gennadiy gennadii hennadiy hennadii henadz hienadz
gleb hleb
kirill kyrylo kiryl
leonid leanid
matvei matvey matviy
nikita mykyta mikita
semyon semion siamion
stepan stsiapan
timofei timofey tymofiy tsimafei
yegor egor yahor jegor
arseny arseniy arsenii
filipp pylyp pilip
miroslav myroslav
rostislav rostyslav rastsislau
sviatoslav svyatoslav sviataslau
vladislav vladyslav uladzislau vladislau
yefim efim yukhym jefim
valentin valentyn valiantsin
ulyana uliana
daria darya dariya
evgenia yevgenia yevheniya ievgeniia
oksana oxana aksana
sofia sofiya sofya
elizaveta yelizaveta yelyzaveta
kristina khrystyna krystsina
olesya olesia alesya
valeria valeriya valeriia
yitzhak yitzchak itzhak itzchak
moshe moishe
shlomo shelomo
chaim haim hayim khaim
menachem menahem
tzvi zvi tsvi
ioannis yiannis giannis
panagiotis panayiotis
christos hristos khristos
charalambos charalampos haralambos
ximena jimena
luis luiz
mehri
mahin
azadeh azade azada
roya rouya
shahla
golnar
simin
mitra
homa huma
pari paree
mahnaz
zohreh zohre
shahnaz
mojgan mozhgan
elaheh elahe
behnaz
farzad
shahram
kambiz
siamak siyamak
babak
arash
mehrdad
ardeshir ardashir
shapour shapur
fariborz
keyvan kayvan kaivan
ramin
payam peyam
afshin
nima
sepideh sepide
parisa
nazanin
yasaman yasamin
mahsa
setareh setare
shiva
atefeh atefe
somayeh somayyeh somaye
ghazal
bahman
saman
soroush sorush
shahin shaheen
mehran
milad
hamdan
hazza hazaa
tahnoun tahnoon
mutlaq mutlak
talal
mishari meshari
wael
mamdouh mamduh
mouloud mawlud
hala
reem
dalia dalya
manal
ghada
sana sanaa
malak
basma
maha
randa
lamia lamya
ayham
yazan
laith layth leith
suhaib sohaib suhayb
ahlam
dunia dunya donia
ghalia ghaliya
lamees lamis
rawan
sahar
yara
hadeel hadil
alaa
noha nuha
khalida khaleda khalidah
farah farax
warsame warsama
hodan
ayan ayaan
ubah ubax
ifrah ifrax
deeqa deka
hawa hawo hauwa hawwa
nawaz
shehbaz shahbaz
waqar
adnan
gulbuddin
sajid
saima
nazia
shazia
tahmina tahmeena
rukhsana ruksana
shabana
nusrat nosrat
mahbubur mahbubor
motiur matiur motiar
shafiqur shofiqur
aminul
shamsul
saiful
tariqul
ashraful
ziaur
mushfiqur
taslima
tahmid
bulent
ertugrul ertogrul
burak
emre
serkan
hakan
volkan
oguz
oguzhan
tolga
selcuk
levent
gokhan
kaan
baris
umut
onur
ozgur
orhan
ilhan
erdal
elif
ozlem
derya
fatih
kerem
ugur
yavuz
aylin
pinar
ebru
mehriban
elchin elcin
ramiz
vugar vuqar
elnur
tural
anar
ilgar ilqar
gunel
gunay
aytan ayten
sevinj sevinc
ramil
zhomart jomart
dinmukhamed dinmukhammed
bakhyt bakhit bakyt
marat
daniyar daniar
aidos aydos
otabek
jasur
akmal
emomali
dilnoza
nodira
madina
aigerim aygerim
dinara
saule
nechirvan nechervan
qubad qobad
hiwa
rebwar
karwan
soran
nawzad
zana
avin
rojin
berivan
abubakar aboubakar abubakr boubacar
atiku
sani sanni
bello
garba
lawal
tanko
danjuma
bilkisu bilkis bilqis balqis
baraka
rehema
neema
zawadi
amani
jabari
mwajuma
hamisi hamis khamis
joko
bambang
budi
agus
slamet
wahyu
susilo
prabowo
mahathir
hishammuddin hishamuddin
siti
dewi
putri puteri
rajesh
suresh
ramesh
mahesh
dinesh
ganesh
rakesh
anil
sunil
rahul
amit
rohit
prakash
subhash subash
manoj
anand
arvind aravind
venkatesh
srinivas srinivasa srinivasan
murugan
karthik karthick kartik
ravi
priya
pooja puja
seema
ashok
abhishek
aditya
manish
vivek
subramanian subramaniam
arjun
levan
irakli
zurab
tamaz
nodar
vakhtang
tengiz
mamuka
bidzina
nino
tamar tamara
ketevan
shota
zviad
tinatin
armen
aram
ashot
gagik
samvel
vardan vartan
tigran dikran
levon
hovhannes ovanes
hayk haik
mher
sargis sarkis
anahit
lilit
gayane gayaneh
hasmik
vahe
suren
vazgen
hakob hagop
amir ameer aamir
zahid zahed
abid abed aabid
iqbal ikbal
waqas waqqas
oo u
isa issa eisa essa eissa
catherine katherine kathryn katharine catharine kathrine
""".strip().splitlines()

# Russian, Ukrainian and Belarusian diminutives (the everyday forms the press and customers use:
# "Volodya" for Vladimir, "Kolya" for Nikolai), written by hand from general knowledge. Each
# diminutive ~ its full name, and through the full name's variant group ~ every spelling of it.
DIMINUTIVES = """
aleksandr sasha sanya shura
aleksei alyosha lyosha
andrei andryusha
anatoly tolya
boris borya
dmitry dima mitya
evgeny zhenya
fyodor fedya
georgy zhora gosha
grigory grisha
ilya ilyusha
ivan vanya
konstantin kostya
maksim maks
mikhail misha
nikolai kolya
pavel pasha
pyotr petya
sergei seryozha
stanislav stas
valery valera
vasily vasya
viktor vitya
vladimir volodya vova
vyacheslav slava
yakov yasha
yury yura
ekaterina katya
elena lena
natalia natasha
tatiana tanya
maria masha
olga olya
svetlana sveta
yulia yulya
anna anya
irina ira
lyudmila lyuda
galina galya
nadezhda nadya
lyubov lyuba
ksenia ksyusha
anastasia nastya
""".strip().splitlines()


def main() -> None:
    version = importlib.metadata.version("nicknames")
    pairs = defaultdict(set)
    path = os.path.join(os.path.dirname(nicknames.__file__), "names.csv")
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["relationship"] != "has_nickname":
                continue
            full, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if full.isalpha() and nick.isalpha() and full != nick:
                pairs[full].add(nick)
    for row in DIMINUTIVES:
        full, *nicks = row.split()
        pairs[full].update(nicks)
    lines = [
        "# Given-name variants and nicknames: a token equivalence for PERSON names (\"Bill\" ~ \"William\", \"Oleksandr\" ~ \"Aleksandr\").",
        f"# source: nicknames {version} (PyPI, Apache-2.0, https://github.com/carlton-data/nicknames: names.csv, has_nickname pairs);",
        "#   transliteration-variant groups and Russian/Ukrainian/Belarusian diminutives written by hand from BGN/PCGN romanisation,",
        "#   general knowledge and the lists' own spellings (make_given_names.py); 2026-12-05: the groups of the common Arabic,",
        "#   Persian, South Asian, Turkic, Hebrew and Greek given names the table lacked (Rafi, Louay, Muhannad, Gholamreza, Mizanur…),",
        "#   their romanisations as the press and company registers write them, from general knowledge; 2026-12-06: 283 more",
        "#   groups (Persian, Arabic, Somali, Urdu and Pashto, Bengali, Turkic, Kurdish, Hausa, Swahili, Malay, Indian, Georgian,",
        "#   Armenian: Mehri, Azadeh, Laith, Warsame, Shehbaz, Vugar, Aigerim, Hiwa, Bilkisu, Tigran…), same sources;",
        "#   2026-12-06 (twenty-fourth round): the German, Polish and Czech press forms of the Russian given names that open",
        "#   with Е (Je-: Jewgeni, Jewgienij, Jelena, Jekaterina, Jegor, Jefim), from the Duden and PWN transcriptions of Russian.",
        "#   2026-12-07 (twenty-eighth round): South Asian and Arabic spellings of common given names the table lacked (Mehmood,",
        "#   Yousaf, Hasaan, Javaid, Ishaque; Amir/Ameer/Aamir, Zahid/Zahed, Abid/Abed, Iqbal/Ikbal, Waqas/Waqqas), same sources.",
        "#   2026-12-07 (twenty-ninth round): the Greek forms of the given names shared with Russian (Alexandros, Konstantinos,",
        "#   Dimitrios, Georgios, Petros, Pavlos, Michalis, Vasileios, Theodoros, Grigorios, Sergios, Ilias, Evgenios, Leonidas).",
        "# version: nicknames " + version + "; variants 2026-12-07",
        "# licence: nicknames Apache-2.0 (pairs used as facts); variant groups: own work",
        "# regenerate: python3 Lists/names/tools/make_given_names.py (needs `pip install nicknames`)",
        "# columns: nickname<TAB>full name<TAB>nickname nickname…  (each nickname ~ the full name, not each other)",
        "#          variants<TAB>spelling spelling…                (every spelling ~ every other)",
    ]
    for full in sorted(pairs):
        lines.append(f"nickname\t{full}\t{' '.join(sorted(pairs[full]))}")
    for group in VARIANTS:
        names = list(dict.fromkeys(group.split()))
        if len(names) > 1:
            lines.append("variants\t" + " ".join(names))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(pairs)} nickname rows, {len(VARIANTS)} variant groups", file=sys.stderr)


if __name__ == "__main__":
    main()
