using Dashboard.Core.Catalogue;

namespace Dashboard.Simulator.Catalogue;

/// <summary>EsSalud: 3 Redes Prestacionales in Lima and Callao plus 26 Redes Asistenciales, ~220 units.</summary>
internal static class EsSaludDemoCatalogue
{
    // Peru has a single zone and no daylight saving time.
    private const string Lima = "America/Lima";

    private const string ModuleName = "Plataforma de Atención al Asegurado";
    private const string AgentIdPrefix = "PAA";

    private static readonly string[] CapLevels = ["I", "II", "III"];

    /// <summary>
    /// One row per red: its main hospital (in the first place listed) and how many more hospitals, policlínicos
    /// and CAP it runs, roughly following the size of its insured population. The other units are placed in
    /// the listed districts or towns in turn.
    /// </summary>
    private static readonly Red[] Redes =
    [
        new("REB", "Red Prestacional Rebagliati", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional,
            ["Jesús María", "Cañete", "Villa El Salvador", "Chorrillos", "Surquillo", "San Isidro", "Lince", "Miraflores", "San Borja",
             "Santiago de Surco", "San Juan de Miraflores", "Villa María del Triunfo", "Lurín", "Barranco", "Pueblo Libre", "Mala"],
            HospitalsII: 2, HospitalsI: 2, Policlinicos: 6, Caps: 10),
        new("ALM", "Red Prestacional Almenara", "Hospital Nacional Guillermo Almenara Irigoyen", UnitType.HospitalNacional,
            ["La Victoria", "Ate", "San Juan de Lurigancho", "Chosica", "El Agustino", "Santa Anita", "San Luis", "Lima Cercado",
             "La Molina", "Rímac", "Chaclacayo", "Huachipa", "Cieneguilla", "Breña"],
            HospitalsII: 2, HospitalsI: 2, Policlinicos: 5, Caps: 9),
        new("SAB", "Red Prestacional Sabogal", "Hospital Nacional Alberto Sabogal Sologuren", UnitType.HospitalNacional,
            ["Bellavista", "Huacho", "Huaral", "Barranca", "Ventanilla", "Callao", "Los Olivos", "Comas", "San Martín de Porres",
             "Independencia", "Puente Piedra", "Carabayllo", "La Perla", "Carmen de la Legua", "Ancón"],
            HospitalsII: 2, HospitalsI: 3, Policlinicos: 5, Caps: 9),
        new("AQP", "Red Asistencial Arequipa", "Hospital Nacional Carlos Alberto Seguín Escobedo", UnitType.HospitalNacional,
            ["Arequipa", "Camaná", "Mollendo", "Majes", "Cerro Colorado", "Paucarpata", "Yanahuara", "Mariano Melgar"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 3, Caps: 5),
        new("LLI", "Red Asistencial La Libertad", "Hospital Nacional Víctor Lazarte Echegaray", UnitType.HospitalNacional,
            ["Trujillo", "Chepén", "Pacasmayo", "Virú", "La Esperanza", "El Porvenir", "Víctor Larco Herrera", "Huamachuco"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 5),
        new("LAM", "Red Asistencial Lambayeque", "Hospital Nacional Almanzor Aguinaga Asenjo", UnitType.HospitalNacional,
            ["Chiclayo", "Lambayeque", "Ferreñafe", "Tumán", "José Leonardo Ortiz", "Pomalca", "Motupe"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 4),
        new("CUS", "Red Asistencial Cusco", "Hospital Nacional Adolfo Guevara Velasco", UnitType.HospitalNacional,
            ["Cusco", "Sicuani", "Quillabamba", "Espinar", "Wanchaq", "San Sebastián", "Urubamba"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 3),
        new("JUN", "Red Asistencial Junín", "Hospital Nacional Ramiro Prialé Prialé", UnitType.HospitalNacional,
            ["Huancayo", "La Oroya", "Tarma", "Jauja", "El Tambo", "Chilca", "Satipo", "La Merced"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 3),
        new("PIU", "Red Asistencial Piura", "Hospital Base Piura", UnitType.HospitalBase,
            ["Piura", "Sullana", "Talara", "Paita", "Castilla", "Chulucanas", "Sechura"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 4),
        new("ICA", "Red Asistencial Ica", "Hospital Base Ica", UnitType.HospitalBase,
            ["Ica", "Chincha", "Pisco", "Nasca", "Palpa", "Marcona"],
            HospitalsII: 1, HospitalsI: 2, Policlinicos: 2, Caps: 3),
        new("ANC", "Red Asistencial Áncash", "Hospital Base Chimbote", UnitType.HospitalBase,
            ["Chimbote", "Casma", "Nuevo Chimbote", "Huarmey", "Santa"],
            HospitalsII: 1, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("PUN", "Red Asistencial Puno", "Hospital Base Puno", UnitType.HospitalBase,
            ["Puno", "Ilave", "Juli", "Yunguyo"],
            HospitalsII: 0, HospitalsI: 2, Policlinicos: 1, Caps: 2),
        new("JUL", "Red Asistencial Juliaca", "Hospital Base Juliaca", UnitType.HospitalBase,
            ["Juliaca", "Azángaro", "Ayaviri", "Huancané"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("LOR", "Red Asistencial Loreto", "Hospital Base Iquitos", UnitType.HospitalBase,
            ["Iquitos", "Yurimaguas", "Punchana", "Nauta"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("TAC", "Red Asistencial Tacna", "Hospital Base Tacna", UnitType.HospitalBase,
            ["Tacna", "Ciudad Nueva", "Gregorio Albarracín", "Alto de la Alianza"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("CAJ", "Red Asistencial Cajamarca", "Hospital II Cajamarca", UnitType.HospitalII,
            ["Cajamarca", "Jaén", "Chota", "Cajabamba", "Celendín"],
            HospitalsII: 0, HospitalsI: 2, Policlinicos: 1, Caps: 2),
        new("HCO", "Red Asistencial Huánuco", "Hospital II Huánuco", UnitType.HospitalII,
            ["Huánuco", "Tingo María", "Amarilis", "Ambo"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("UCA", "Red Asistencial Ucayali", "Hospital II Pucallpa", UnitType.HospitalII,
            ["Pucallpa", "Aguaytía", "Yarinacocha", "Manantay"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("MOQ", "Red Asistencial Moquegua", "Hospital II Moquegua", UnitType.HospitalII,
            ["Moquegua", "Ilo", "Omate"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 1),
        new("TUM", "Red Asistencial Tumbes", "Hospital I Tumbes", UnitType.HospitalI,
            ["Tumbes", "Zarumilla", "Zorritos"],
            HospitalsII: 0, HospitalsI: 0, Policlinicos: 1, Caps: 2),
        new("AMA", "Red Asistencial Amazonas", "Hospital I Chachapoyas", UnitType.HospitalI,
            ["Chachapoyas", "Bagua Grande", "Bagua", "Rodríguez de Mendoza"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 1),
        new("APU", "Red Asistencial Apurímac", "Hospital II Abancay", UnitType.HospitalII,
            ["Abancay", "Andahuaylas", "Chalhuanca"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("AYA", "Red Asistencial Ayacucho", "Hospital II Huamanga", UnitType.HospitalII,
            ["Huamanga", "Huanta", "Puquio", "San Juan Bautista"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("HVC", "Red Asistencial Huancavelica", "Hospital II Huancavelica", UnitType.HospitalII,
            ["Huancavelica", "Pampas", "Lircay"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 0, Caps: 2),
        new("MDD", "Red Asistencial Madre de Dios", "Hospital I Puerto Maldonado", UnitType.HospitalI,
            ["Puerto Maldonado", "Iberia", "Mazuko"],
            HospitalsII: 0, HospitalsI: 0, Policlinicos: 1, Caps: 1),
        new("PAS", "Red Asistencial Pasco", "Hospital II Pasco", UnitType.HospitalII,
            ["Cerro de Pasco", "Oxapampa", "Yanahuanca", "Villa Rica"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 1),
        new("MOY", "Red Asistencial Moyobamba", "Hospital I Moyobamba", UnitType.HospitalI,
            ["Moyobamba", "Rioja", "Nueva Cajamarca", "Soritor"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 1),
        new("TAR", "Red Asistencial Tarapoto", "Hospital II Tarapoto", UnitType.HospitalII,
            ["Tarapoto", "Juanjuí", "Tocache", "Lamas"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
        new("HRZ", "Red Asistencial Huaraz", "Hospital II Huaraz", UnitType.HospitalII,
            ["Huaraz", "Caraz", "Carhuaz", "Recuay", "Yungay"],
            HospitalsII: 0, HospitalsI: 1, Policlinicos: 1, Caps: 2),
    ];

    public static void AddTo(CatalogueBuilder builder)
    {
        foreach (var red in Redes)
        {
            var region = new Region($"ESS-{red.Key}", red.Name, Institution.EsSalud, Lima);
            builder.Add(region);

            AddUnit(builder, red, region, red.MainType, 1, red.MainHospital);

            // Secondary hospitals skip the first place, which already has the main hospital.
            // Numbering continues after the main hospital when it is of the same type.
            var place = 1;
            var firstHospitalII = red.MainType == UnitType.HospitalII ? 2 : 1;
            for (var i = 0; i < red.HospitalsII; i++)
            {
                AddUnit(builder, red, region, UnitType.HospitalII, firstHospitalII + i, $"Hospital II {red.Place(place++)}");
            }

            var firstHospitalI = red.MainType == UnitType.HospitalI ? 2 : 1;
            for (var i = 0; i < red.HospitalsI; i++)
            {
                AddUnit(builder, red, region, UnitType.HospitalI, firstHospitalI + i, $"Hospital I {red.Place(place++)}");
            }

            for (var i = 1; i <= red.Policlinicos; i++)
            {
                AddUnit(builder, red, region, UnitType.Policlinico, i, $"Policlínico {red.Place(i - 1)}");
            }

            for (var i = 1; i <= red.Caps; i++)
            {
                var level = builder.Random.Next(1, 4);
                AddUnit(builder, red, region, UnitType.CentroAtencionPrimaria, i, $"CAP {CapLevels[level - 1]} {red.Place(red.Policlinicos + i - 1)}", level);
            }
        }
    }

    private static void AddUnit(CatalogueBuilder builder, Red red, Region region, UnitType type, int number, string name, int capLevel = 0)
    {
        var random = builder.Random;
        var (prefix, size) = type switch
        {
            // Sizes mirror IMSS by comparable type: Nacional ~ UMAE, Base ~ HGR, II ~ HGZ, CAP ~ UMF.
            UnitType.HospitalNacional => ("HN", random.Next(25, 41)),
            UnitType.HospitalBase => ("HB", random.Next(15, 23)),
            UnitType.HospitalII => ("H2", random.Next(8, 15)),
            UnitType.HospitalI => ("H1", random.Next(5, 9)),
            UnitType.Policlinico => ("POL", random.Next(3, 7)),
            UnitType.CentroAtencionPrimaria => ("CAP", capLevel + random.Next(1, 3)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an EsSalud unit type."),
        };

        var unit = new Unit(
            FormattableString.Invariant($"{prefix}-{red.Key}-{number:D2}"),
            name,
            type,
            region.Code,
            Institution.EsSalud,
            Lima,
            size);
        builder.Add(unit);

        // Every hospital and policlínico has a Plataforma de Atención al Asegurado; among CAP only the level III ones.
        var (modules, minAgents, maxAgents) = type switch
        {
            UnitType.HospitalNacional => (2, 3, 4),
            UnitType.HospitalBase => (2, 2, 4),
            UnitType.HospitalII => (random.Next(1, 3), 2, 3),
            UnitType.HospitalI => (1, 1, 2),
            UnitType.Policlinico => (1, 1, 2),
            _ => (capLevel == 3 ? 1 : 0, 1, 1),
        };
        builder.Staff(unit, modules, ModuleName, minAgents, maxAgents, NamePool.Peruvian, AgentIdPrefix);
    }

    private sealed record Red(
        string Key,
        string Name,
        string MainHospital,
        UnitType MainType,
        string[] Places,
        int HospitalsII,
        int HospitalsI,
        int Policlinicos,
        int Caps)
    {
        public string Place(int index) => Places[index % Places.Length];
    }
}
