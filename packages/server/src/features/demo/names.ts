/** Clearly fictional names for demo and benchmark data; any likeness to real people is chance. */
export const GIVEN_NAMES_ADULT = ["Sanne", "Mo", "Jolanda", "Dennis", "Fatima", "Erik", "Priya", "Kees", "Naima", "Ruud", "Ilse", "Yusuf", "Marieke", "Bart", "Ayse", "Gert"];
export const GIVEN_NAMES_CHILD = ["Noah", "Emma", "Daan", "Julia", "Sem", "Lotte", "Milan", "Zoë", "Levi", "Nora", "Finn", "Sara", "Amir", "Tess", "Jayden", "Liv"];
export const SURNAMES = ["de Voorbeeld", "Testerink", "van Proefhuizen", "Demo", "Fictief", "Bedenkers", "Verzinsel", "Oefenaar", "Schetsma", "van Ontwerp", "Probeersma", "Modelaar"];
export const DISTRICTS = ["Noord", "Oost", "Zuid", "West", "Centrum"];
export const NEIGHBOURHOODS = ["Korrewegwijk (demo)", "De Hoogte (demo)", "Tuinwijk (demo)", "Selwerd (demo)", "Paddepoel (demo)"];
export const STREETS = ["Voorbeeldstraat", "Proefweg", "Demolaan", "Oefenplein", "Schetsstraat"];
