/**
 * Countries, capitals and major cities: a place prior for names the training data never
 * saw ("Pyongyang"). Used only to vote on a type, never to create a mention.
 */
const PLACES = `Afghanistan Kabul Albania Tirana Algeria Algiers Andorra Angola Luanda Argentina Buenos_Aires Armenia Yerevan
Australia Canberra Sydney Melbourne Austria Vienna Azerbaijan Baku Bahrain Manama Bangladesh Dhaka Belarus Minsk Belgium Brussels
Benin Bhutan Bolivia La_Paz Bosnia Sarajevo Botswana Brazil Brasilia Rio_de_Janeiro Sao_Paulo Brunei Bulgaria Sofia Burkina_Faso
Ouagadougou Burundi Cambodia Phnom_Penh Cameroon Canada Ottawa Toronto Montreal Chad Chile Santiago China Beijing Shanghai Hong_Kong
Colombia Bogota Congo Kinshasa Costa_Rica Croatia Zagreb Cuba Havana Cyprus Nicosia Czech_Republic Prague Denmark Copenhagen Djibouti
Ecuador Quito Egypt Cairo El_Salvador Eritrea Asmara Estonia Tallinn Ethiopia Addis_Ababa Fiji Finland Helsinki France Paris Gabon
Gambia Georgia Tbilisi Germany Berlin Munich Frankfurt Ghana Accra Greece Athens Guatemala Guinea Haiti Honduras Hungary Budapest
Iceland Reykjavik India New_Delhi Mumbai Indonesia Jakarta Iran Tehran Iraq Baghdad Ireland Dublin Israel Jerusalem Tel_Aviv Italy Rome
Milan Jamaica Kingston Japan Tokyo Osaka Jordan Amman Kazakhstan Astana Almaty Kenya Nairobi Kosovo Pristina Kuwait Kyrgyzstan Bishkek
Laos Vientiane Latvia Riga Lebanon Beirut Liberia Monrovia Libya Tripoli Lithuania Vilnius Luxembourg Madagascar Malawi Malaysia
Kuala_Lumpur Maldives Mali Bamako Malta Mauritania Mexico Mexico_City Moldova Chisinau Monaco Mongolia Ulaanbaatar Montenegro Morocco
Rabat Mozambique Maputo Myanmar Yangon Naypyidaw Namibia Nepal Kathmandu Netherlands Amsterdam The_Hague New_Zealand Wellington
Nicaragua Managua Niger Niamey Nigeria Abuja Lagos North_Korea Pyongyang North_Macedonia Skopje Norway Oslo Oman Muscat Pakistan
Islamabad Karachi Lahore Palestine Gaza Ramallah Panama Paraguay Asuncion Peru Lima Philippines Manila Poland Warsaw Portugal Lisbon
Qatar Doha Romania Bucharest Russia Moscow St_Petersburg Rwanda Kigali Saudi_Arabia Riyadh Senegal Dakar Serbia Belgrade Sierra_Leone
Freetown Singapore Slovakia Bratislava Slovenia Ljubljana Somalia Mogadishu South_Africa Pretoria Johannesburg Cape_Town South_Korea
Seoul Busan South_Sudan Juba Spain Madrid Barcelona Sri_Lanka Colombo Sudan Khartoum Sweden Stockholm Switzerland Bern Geneva Zurich
Syria Damascus Aleppo Taiwan Taipei Tajikistan Dushanbe Tanzania Dodoma Thailand Bangkok Togo Tunisia Tunis Turkey Ankara Istanbul
Turkmenistan Ashgabat Uganda Kampala Ukraine Kyiv Kiev United_Arab_Emirates Abu_Dhabi Dubai United_Kingdom London United_States
Washington New_York Los_Angeles Chicago Uruguay Montevideo Uzbekistan Tashkent Venezuela Caracas Vietnam Hanoi Ho_Chi_Minh_City Yemen
Sanaa Zambia Lusaka Zimbabwe Harare Europe Asia Africa Antarctica Korean_Peninsula East_Asia Middle_East Crimea Xinjiang Tibet`;

const PLACE_SET = new Set(PLACES.split(/\s+/).map((p) => p.replace(/_/g, ' ').toLowerCase()));

export function isKnownPlace(name: string): boolean {
  return PLACE_SET.has(name.toLowerCase());
}
