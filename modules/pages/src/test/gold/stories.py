"""Hand-written article bodies for the extraction gold set: each story is a headline and its paragraphs."""

STORIES = [
  {
    "slug": "icbm-launch", "title": "North Korea fires suspected ICBM into waters off Japan",
    "paras": [
      "North Korea fired what appeared to be an intercontinental ballistic missile early on Thursday, the South Korean military said, the latest in a string of launches that has raised tension across the region.",
      "The missile was launched from the Sunan area near Pyongyang at 7:11 a.m. and flew about 1,000 kilometres before falling into the sea west of Hokkaido, according to the Joint Chiefs of Staff in Seoul.",
      "Japan's defence ministry said the missile reached an altitude of more than 6,000 kilometres, suggesting it had been fired on a lofted trajectory to avoid overflying neighbouring countries.",
      "\"This is a clear violation of Security Council resolutions and a grave threat to the peace and security of the region,\" the Japanese chief cabinet secretary told reporters in Tokyo.",
      "Officials in Washington condemned the launch and said they were consulting closely with allies in Seoul and Tokyo. The US Indo-Pacific Command said the launch did not pose an immediate threat to American territory.",
      "Analysts said the test could be intended to demonstrate progress on solid-fuel engines, which can be fuelled in advance and launched at short notice, making them harder to detect and destroy.",
      "The launch came days after the United States and South Korea wrapped up large-scale air drills that Pyongyang had denounced as a rehearsal for invasion.",
      "North Korea has conducted more than a dozen ballistic missile tests this year, defying sanctions that bar it from developing nuclear weapons and missile technology.",
    ],
  },
  {
    "slug": "trilateral-drills", "title": "US, South Korea and Japan hold first multi-domain Freedom Edge exercise",
    "paras": [
      "The United States, South Korea and Japan began a three-day naval and air exercise on Wednesday in international waters south of Jeju Island, the first of its kind under a new trilateral framework.",
      "The drills, known as Freedom Edge, involve the aircraft carrier Theodore Roosevelt, destroyers from all three navies, maritime patrol aircraft and fighter jets, the South Korean navy said in a statement.",
      "Officials said the exercise was designed to improve the allies' ability to respond to North Korean missile and submarine threats, and to rehearse ballistic missile defence and search-and-rescue operations.",
      "North Korea's state media warned that the drills would bring \"fatal consequences\" and said the country would take countermeasures to defend its sovereignty and security interests.",
      "Defence ministers of the three countries agreed last year to hold regular trilateral exercises and to share missile warning data in real time, a step that analysts called the most significant security cooperation between Seoul and Tokyo in decades.",
      "Relations between South Korea and Japan have improved markedly since 2023, when the two governments moved to set aside disputes over wartime history.",
      "China's foreign ministry said it opposed the formation of exclusive military blocs in the region and urged all parties to avoid actions that could escalate tension on the peninsula.",
    ],
  },
  {
    "slug": "troops-russia", "title": "North Korean troops suffer heavy losses in Kursk, Seoul says",
    "paras": [
      "North Korean soldiers deployed to fight for Russia have suffered heavy casualties in the Kursk region, South Korea's spy agency told lawmakers on Monday.",
      "The National Intelligence Service estimated that about 300 North Korean soldiers had been killed and 2,700 wounded since the troops were sent to the front late last year, a lawmaker who attended the closed-door briefing said.",
      "The agency said the North Korean units lacked experience of modern warfare, including the use of drones, and had been deployed in frontline assaults with little support.",
      "Ukraine's president said this month that his forces had captured two wounded North Korean soldiers and released a video of them being questioned through an interpreter.",
      "Moscow and Pyongyang have not officially acknowledged the deployment, which Western governments say is part of a deepening military partnership that includes North Korean shells and missiles for Russia.",
      "In return, officials in Seoul believe Russia may be providing North Korea with technology for satellites, submarines and missiles, as well as food, oil and foreign currency.",
      "South Korea has said it will consider supplying weapons directly to Ukraine, depending on the level of military cooperation between Pyongyang and Moscow.",
    ],
  },
  {
    "slug": "un-veto", "title": "Russia vetoes renewal of UN panel monitoring North Korea sanctions",
    "paras": [
      "Russia vetoed a United Nations Security Council resolution on Thursday that would have extended the mandate of a panel of experts monitoring sanctions on North Korea, ending 15 years of independent oversight.",
      "Thirteen of the council's 15 members voted in favour of the draft, while China abstained. The panel's mandate expires at the end of next month.",
      "Russia's ambassador said the sanctions regime had failed to improve security in the region and that the panel had become a tool of Western countries pursuing their own political aims.",
      "The United States and its allies accused Moscow of trying to hide its own violations, including the purchase of North Korean ballistic missiles and artillery shells for use in Ukraine.",
      "The panel's reports have documented how Pyongyang evades sanctions through ship-to-ship transfers of oil, cyber theft of cryptocurrency and the use of overseas workers.",
      "\"Today's veto is a cynical move that rewards Pyongyang's defiance,\" the US ambassador said after the vote, adding that Washington would look for other ways to keep the sanctions enforced.",
      "Diplomats said the veto left the council more divided than at any time since sanctions were first imposed after North Korea's nuclear test in 2006.",
    ],
  },
  {
    "slug": "satellite-failure", "title": "North Korean spy satellite explodes shortly after launch",
    "paras": [
      "North Korea's attempt to put a second military reconnaissance satellite into orbit failed on Monday when its new rocket exploded in flight, state media reported.",
      "The Korean Central News Agency said the rocket blew up during the first-stage flight, and that a preliminary investigation pointed to the reliability of a newly developed liquid-oxygen and petroleum engine.",
      "South Korea's military said it had detected the launch from the Sohae satellite launching ground at 10:44 p.m. and that debris was observed falling into the sea minutes later.",
      "The launch came hours after the leaders of South Korea, Japan and China met in Seoul for their first trilateral summit in more than four years and called for the denuclearisation of the peninsula.",
      "Japan briefly issued a missile alert for Okinawa prefecture, urging residents to take shelter, before lifting it when it became clear that the rocket posed no danger.",
      "Experts said the failure was a setback for leader Kim Jong Un, who has pledged to launch three more spy satellites this year, but that Russian assistance could speed up the programme.",
    ],
  },
  {
    "slug": "artillery-border", "title": "South Korea resumes loudspeaker broadcasts after trash balloon launches",
    "paras": [
      "South Korea switched on propaganda loudspeakers along the border on Sunday for the first time in six years, after North Korea sent hundreds more balloons carrying trash across the heavily fortified frontier.",
      "The broadcasts, which include news, K-pop songs and criticism of the North Korean government, can be heard several kilometres into North Korea, according to officials in Seoul.",
      "The National Security Council said the measure was a response to the balloon campaign and warned that further steps would follow if Pyongyang continued its provocations.",
      "North Korea has launched more than 1,600 balloons since late May, carrying cigarette butts, waste paper and plastic. Some landed on the grounds of the presidential office.",
      "Kim Yo Jong, the powerful sister of the North Korean leader, said in a statement that Seoul was creating a \"prelude to a very dangerous situation\" and threatened a new response.",
      "Border residents said they feared a repeat of 2015, when the two Koreas exchanged artillery fire over loudspeaker broadcasts before defusing the crisis through talks.",
      "Seoul also suspended a 2018 military agreement aimed at reducing tension along the border, allowing it to resume live-fire drills near the demarcation line.",
    ],
  },
  {
    "slug": "cyber-heist", "title": "North Korean hackers behind $1.5 billion crypto theft, FBI says",
    "paras": [
      "The FBI said on Wednesday that North Korean hackers were responsible for the theft of about $1.5 billion in digital assets from a cryptocurrency exchange, the largest such heist on record.",
      "The bureau attributed the attack to a group it calls TraderTraitor, also known as the Lazarus Group, which has been linked to a string of thefts that fund the country's weapons programmes.",
      "Investigators said the hackers moved quickly to convert some of the stolen tokens into bitcoin and other assets and spread them across thousands of addresses on multiple blockchains.",
      "The exchange said it had secured loans to cover customer losses and that all withdrawals were being processed normally.",
      "A United Nations panel has estimated that North Korea stole more than $3 billion in cryptocurrency between 2017 and 2023, money that it says helps finance missile development.",
      "Security researchers said the attack began with the compromise of a developer's computer at a third-party wallet provider, which allowed the hackers to alter a transaction during a routine transfer.",
    ],
  },
  {
    "slug": "summit-moscow", "title": "Kim Jong Un and Putin sign mutual defence pact in Pyongyang",
    "paras": [
      "North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a comprehensive strategic partnership treaty on Wednesday that commits each side to assist the other if attacked.",
      "The agreement was signed during Putin's first visit to Pyongyang in 24 years, a trip marked by lavish ceremonies, a military parade and crowds waving flags in Kim Il Sung Square.",
      "Putin said the treaty provided for mutual assistance in the event of aggression against one of the parties, and that Russia did not rule out military-technical cooperation with North Korea.",
      "Kim called the pact the strongest treaty ever between the two countries and said it raised their relationship to the level of an alliance.",
      "South Korea's national security adviser said Seoul would reconsider its policy of not supplying weapons to Ukraine in response, while Washington said the deal should concern any country that supports the UN Charter.",
      "Analysts said the treaty revived a Cold War-era commitment that lapsed after the collapse of the Soviet Union and could complicate any future effort to curb the North's weapons programmes.",
      "Putin travelled on to Vietnam after the visit, where he signed a series of economic agreements.",
    ],
  },
  {
    "slug": "korea-ko-missile", "title": "북한, 동해상으로 단거리 탄도미사일 발사", "lang": "ko",
    "paras": [
      "북한이 14일 오전 동해상으로 단거리 탄도미사일 여러 발을 발사했다고 합동참모본부가 밝혔다.",
      "합참은 북한이 이날 오전 7시께 강원도 원산 일대에서 동해상으로 단거리 탄도미사일을 발사했으며 미사일은 약 300킬로미터를 비행했다고 설명했다.",
      "군은 추가 발사에 대비해 감시와 경계를 강화하고 미국, 일본과 관련 정보를 긴밀히 공유하고 있다고 밝혔다.",
      "이번 발사는 한미 연합훈련이 시작된 지 사흘 만에 이뤄졌으며, 북한은 훈련을 침략 전쟁 연습이라고 비난해 왔다.",
      "전문가들은 북한이 새로운 전술 무기의 성능을 시험하는 동시에 한미 양국에 대한 무력 시위를 벌인 것으로 보고 있다.",
      "일본 정부도 북한의 탄도미사일 발사를 강하게 규탄하며 유엔 안보리 결의 위반이라고 밝혔다.",
    ],
  },
  {
    "slug": "korea-ko-sanctions", "title": "정부, 북한 불법 해상환적 관련 독자 제재 발표", "lang": "ko",
    "paras": [
      "정부는 북한의 불법 해상환적에 관여한 선박과 개인을 독자 제재 대상으로 지정한다고 외교부가 발표했다.",
      "이번 제재 대상에는 북한산 석탄과 정제유를 공해상에서 옮겨 실은 선박 세 척과 이를 운영한 해운회사 관계자들이 포함됐다.",
      "외교부는 북한이 해상환적을 통해 안보리 제재를 회피하고 핵과 미사일 개발 자금을 마련하고 있다고 지적했다.",
      "정부는 미국, 일본 등 우방국과 협력해 제재 이행을 강화하고 불법 행위에 대한 감시를 계속할 방침이라고 밝혔다.",
      "전문가 패널의 임무 종료 이후 국제사회의 제재 감시 공백을 메우기 위한 새로운 협의체 구성도 논의되고 있다.",
    ],
  },
  {
    "slug": "navy-destroyer", "title": "North Korea launches second 5,000-tonne destroyer after failed first attempt",
    "paras": [
      "North Korea has launched a new 5,000-tonne destroyer at a shipyard in Nampo, state media said on Friday, weeks after a botched launch of a sister ship that Kim Jong Un called a criminal act.",
      "Kim attended the ceremony with his daughter and said the new warship would be armed with the most powerful weapons and deployed soon to strengthen the navy's nuclear deterrent.",
      "Satellite images reviewed by analysts showed the vessel moored at the pier with what appeared to be vertical launch cells for cruise and ballistic missiles.",
      "The first destroyer of the class capsized during a side-launch ceremony in Chongjin in May, and several officials were detained over the accident before the ship was refloated.",
      "South Korea's military said it was closely monitoring the North's naval build-up and assessed that Russia might have provided technical help with the ships' air-defence systems.",
      "Experts said the destroyers would be vulnerable to modern anti-ship weapons but could give Pyongyang a new platform for launching nuclear-capable missiles at sea.",
    ],
  },
  {
    "slug": "reunification-arch", "title": "North Korea demolishes reunification monument in Pyongyang",
    "paras": [
      "North Korea has demolished a towering monument to reunification in the capital, satellite images show, after leader Kim Jong Un called it an eyesore and declared the South a hostile state.",
      "The Arch of Reunification, which depicted two Korean women holding up a map of a unified peninsula, was built in 2001 to symbolise hopes for reconciliation between the two Koreas.",
      "Kim said in January that the North would no longer seek peaceful unification and ordered the constitution to be changed to define South Korea as the principal enemy.",
      "Since then the North has dismantled government agencies handling inter-Korean relations, blown up roads and rail links across the border and erected new walls and anti-tank barriers.",
      "Analysts say the shift is designed to shield North Koreans from the influence of the more prosperous South and to justify the development of nuclear weapons aimed at Seoul.",
      "South Korea's unification ministry said the demolition was regrettable and reflected the North's attempt to erase the very idea of one nation.",
    ],
  },
]
