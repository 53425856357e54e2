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
aleksandr alexander aleksander oleksandr aliaksandr aliaksandar alyaksandr alexandr aleksandar alexandre alessandro alejandro iskandar iskander
aleksei alexei alexey aleksey oleksii oleksiy aliaksei alyaksey
andrei andrey andriy andrii andrej andrzej andrew andreas andres
anatoly anatolii anatoliy anatoli
arkady arkadiy arkadii
boris barys
dmitry dmitri dmitriy dmitrii dmytro dzmitry dzmitryi
evgeny evgeniy evgenii yevgeny yevgeniy yevhen yauhen ievgen eugene
fyodor fedor fiodor fedir fiodar theodore
georgy georgiy georgii heorhiy heorhii george jurgen
grigory grigoriy grigorii hryhoriy hryhorii ryhor gregory
igor ihor ihar
ilya ilia illia illya elijah
ivan ivano iwan
konstantin kostiantyn kanstantsin constantine
maksim maxim maksym maksim maxime
mikhail mykhailo mikhail mikhal michail michael mikhael
nikolai nikolay mykola mikalai nicolai nikolaj nicholas nicolas nikolaos
oleg oleh aleh
pavel pavlo paval paul pavol
pyotr petr petro piotr pyatro peter pierre pietro
sergei sergey serhiy serhii siarhei sergiy sergio serge
stanislav stanislau
vadim vadym vadzim
valery valeriy valerii valeri
vasily vasiliy vasilii vasyl vasil
viktor victor wiktor
vitaly vitaliy vitalii vital
vladimir volodymyr uladzimir wladimir vladimir
vyacheslav viacheslav vyacheslau
yakov yakiv jakub jacob yaakov yaqub yakub
yaroslav jaroslav yaraslau
yury yuri yuriy yurii iurii jury juri
mohammed muhammad mohamed mohamad mohammad muhammed mohammad mohamud muhamad mohammod mohamet mehmet mehmed muhammet mhamad mhammad mhamed mohd md
ahmed ahmad ahmet achmed akhmed ahmat ehmed
mahmoud mahmud mahmood mahmut makhmud
mustafa mustapha moustafa mostafa mustafo
yusuf youssef yousef yousif yusif yousuf yosef joseph yussuf iosif osip yusup
ibrahim ebrahim ibraheem brahim abraham avraham ibragim
ismail ismael esmail ismayil ismoil
ali aly alee
hassan hasan hasen
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
adel adil
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
javed javid jawed
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
ekaterina yekaterina kateryna katsiaryna katerina katarina kaciaryna
elena yelena olena alena alyona
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
        "#   general knowledge and the lists' own spellings (make_given_names.py).",
        "# version: nicknames " + version + "; variants 2026-12-05",
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
