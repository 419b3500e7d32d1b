using Dashboard.Core.Catalogue;

namespace Dashboard.Simulator.Catalogue;

/// <summary>IMSS: 35 OOAD, ~1,500 units, ~1,100 módulos de Atención y Orientación, ~2,350 técnicas.</summary>
internal static class ImssDemoCatalogue
{
    // Unit totals by type, in the proportions IMSS reports (UMF the vast majority; 25 UMAE nationwide).
    private const int UmfTotal = 1_250;
    private const int HgzTotal = 200;
    private const int HgrTotal = 35;

    // So that even the smallest OOAD has a believable first-level network.
    private const int MinUmfPerRegion = 6;
    private const int MinHgzPerRegion = 1;

    private const string ModuleName = "Módulo de Atención y Orientación";
    private const string AgentIdPrefix = "TAO";

    // IANA zones as of 2026: Mexico abolished DST in 2022, only the US-border strips still follow US rules.
    private const string MexicoCity = "America/Mexico_City";
    private const string Monterrey = "America/Monterrey";
    private const string Merida = "America/Merida";
    private const string Cancun = "America/Cancun";
    private const string Chihuahua = "America/Chihuahua";
    private const string Mazatlan = "America/Mazatlan";
    private const string Hermosillo = "America/Hermosillo";
    private const string Tijuana = "America/Tijuana";

    /// <summary>
    /// One OOAD per state; Ciudad de México, Estado de México and Veracruz have two each (32 − 3 + 6 = 35).
    /// Population is the 2020 census in thousands (INEGI, rounded); split states share theirs evenly.
    /// Cities are where the UMF/HGZ/HGR are placed, the first one (capital or largest) taking most of them.
    /// </summary>
    private static readonly Ooad[] Ooads =
    [
        new("AGS", "Aguascalientes", MexicoCity, 1_426, ["Aguascalientes", "Jesús María", "Calvillo", "Rincón de Romos"]),
        new("BC", "Baja California", Tijuana, 3_769, ["Tijuana", "Mexicali", "Ensenada", "Tecate", "Playas de Rosarito"]),
        new("BCS", "Baja California Sur", Mazatlan, 799, ["La Paz", "San José del Cabo", "Cabo San Lucas", "Ciudad Constitución", "Guerrero Negro"]),
        new("CAM", "Campeche", Merida, 928, ["San Francisco de Campeche", "Ciudad del Carmen", "Champotón", "Escárcega"]),
        new("CHIS", "Chiapas", MexicoCity, 5_544, ["Tuxtla Gutiérrez", "Tapachula", "San Cristóbal de las Casas", "Comitán", "Palenque", "Villaflores"]),
        new("CHIH", "Chihuahua", Chihuahua, 3_742, ["Chihuahua", "Ciudad Juárez", "Delicias", "Ciudad Cuauhtémoc", "Hidalgo del Parral", "Nuevo Casas Grandes"]),
        new("CDMXN", "Ciudad de México Norte", MexicoCity, 4_605, ["Gustavo A. Madero", "Azcapotzalco", "Cuauhtémoc", "Venustiano Carranza", "Miguel Hidalgo", "Iztacalco"]),
        new("CDMXS", "Ciudad de México Sur", MexicoCity, 4_605, ["Iztapalapa", "Coyoacán", "Tlalpan", "Benito Juárez", "Álvaro Obregón", "Xochimilco", "Tláhuac", "Magdalena Contreras"]),
        new("COAH", "Coahuila", Monterrey, 3_147, ["Saltillo", "Torreón", "Monclova", "Piedras Negras", "Ciudad Acuña", "Sabinas"]),
        new("COL", "Colima", MexicoCity, 731, ["Colima", "Manzanillo", "Tecomán", "Villa de Álvarez"]),
        new("DGO", "Durango", Monterrey, 1_833, ["Victoria de Durango", "Gómez Palacio", "Lerdo", "Santiago Papasquiaro"]),
        new("GTO", "Guanajuato", MexicoCity, 6_167, ["León", "Irapuato", "Celaya", "Salamanca", "Guanajuato", "San Miguel de Allende", "Silao"]),
        new("GRO", "Guerrero", MexicoCity, 3_541, ["Acapulco", "Chilpancingo", "Iguala", "Zihuatanejo", "Taxco", "Tlapa"]),
        new("HGO", "Hidalgo", MexicoCity, 3_083, ["Pachuca", "Tulancingo", "Tula de Allende", "Tizayuca", "Huejutla", "Tepeji del Río"]),
        new("JAL", "Jalisco", MexicoCity, 8_348, ["Guadalajara", "Zapopan", "Tlaquepaque", "Tonalá", "Puerto Vallarta", "Ciudad Guzmán", "Lagos de Moreno", "Tepatitlán"]),
        new("MEXO", "Estado de México Oriente", MexicoCity, 8_496, ["Ecatepec", "Nezahualcóyotl", "Tlalnepantla", "Texcoco", "Chalco", "Tecámac", "Ixtapaluca", "Los Reyes La Paz"]),
        new("MEXP", "Estado de México Poniente", MexicoCity, 8_496, ["Toluca", "Naucalpan", "Atizapán de Zaragoza", "Cuautitlán Izcalli", "Metepec", "Huixquilucan", "Atlacomulco", "Tenancingo"]),
        new("MICH", "Michoacán", MexicoCity, 4_749, ["Morelia", "Uruapan", "Zamora", "Lázaro Cárdenas", "Apatzingán", "Zitácuaro"]),
        new("MOR", "Morelos", MexicoCity, 1_971, ["Cuernavaca", "Cuautla", "Jiutepec", "Temixco", "Jojutla"]),
        new("NAY", "Nayarit", Mazatlan, 1_235, ["Tepic", "Bahía de Banderas", "Santiago Ixcuintla", "Compostela"]),
        new("NL", "Nuevo León", Monterrey, 5_784, ["Monterrey", "Guadalupe", "San Nicolás de los Garza", "Apodaca", "General Escobedo", "Santa Catarina", "Linares"]),
        new("OAX", "Oaxaca", MexicoCity, 4_132, ["Oaxaca de Juárez", "Salina Cruz", "Juchitán", "Tuxtepec", "Puerto Escondido", "Huajuapan de León"]),
        new("PUE", "Puebla", MexicoCity, 6_583, ["Puebla", "Tehuacán", "Atlixco", "San Martín Texmelucan", "Teziutlán", "San Pedro Cholula"]),
        new("QRO", "Querétaro", MexicoCity, 2_368, ["Querétaro", "San Juan del Río", "Corregidora", "El Marqués"]),
        new("QROO", "Quintana Roo", Cancun, 1_858, ["Cancún", "Chetumal", "Playa del Carmen", "Cozumel", "Tulum"]),
        new("SLP", "San Luis Potosí", MexicoCity, 2_822, ["San Luis Potosí", "Soledad de Graciano Sánchez", "Ciudad Valles", "Matehuala", "Rioverde"]),
        new("SIN", "Sinaloa", Mazatlan, 3_027, ["Culiacán", "Mazatlán", "Los Mochis", "Guasave", "Guamúchil"]),
        new("SON", "Sonora", Hermosillo, 2_945, ["Hermosillo", "Ciudad Obregón", "Nogales", "Navojoa", "Guaymas", "San Luis Río Colorado"]),
        new("TAB", "Tabasco", MexicoCity, 2_402, ["Villahermosa", "Cárdenas", "Comalcalco", "Paraíso", "Tenosique"]),
        new("TAMPS", "Tamaulipas", Monterrey, 3_528, ["Reynosa", "Matamoros", "Nuevo Laredo", "Tampico", "Ciudad Victoria", "Ciudad Madero", "Ciudad Mante"]),
        new("TLAX", "Tlaxcala", MexicoCity, 1_343, ["Tlaxcala", "Apizaco", "Huamantla", "Calpulalpan"]),
        new("VERN", "Veracruz Norte", MexicoCity, 4_032, ["Xalapa", "Veracruz", "Poza Rica", "Túxpam", "Papantla", "Martínez de la Torre"]),
        new("VERS", "Veracruz Sur", MexicoCity, 4_031, ["Orizaba", "Coatzacoalcos", "Córdoba", "Minatitlán", "Río Blanco", "Cosamaloapan"]),
        new("YUC", "Yucatán", Merida, 2_321, ["Mérida", "Valladolid", "Tizimín", "Progreso", "Ticul"]),
        new("ZAC", "Zacatecas", MexicoCity, 1_622, ["Zacatecas", "Fresnillo", "Jerez", "Río Grande", "Sombrerete"]),
    ];

    /// <summary>
    /// Border strips that follow US daylight saving time and so differ from their state's zone for half the year.
    /// </summary>
    private static readonly Dictionary<string, string> CityTimeZones = new(StringComparer.Ordinal)
    {
        ["Ciudad Juárez"] = "America/Ciudad_Juarez",
        ["Reynosa"] = "America/Matamoros",
        ["Matamoros"] = "America/Matamoros",
        ["Nuevo Laredo"] = "America/Matamoros",
        ["Piedras Negras"] = "America/Matamoros",
        ["Ciudad Acuña"] = "America/Matamoros",
        // Bahía de Banderas (Nayarit) keeps Central time, with Puerto Vallarta across the river.
        ["Bahía de Banderas"] = "America/Bahia_Banderas",
    };

    /// <summary>
    /// The 25 Unidades Médicas de Alta Especialidad, by OOAD: the national medical centres (CMN) and the
    /// high-specialty hospitals in Guadalajara, Monterrey, León, Puebla, Veracruz, Mérida, Ciudad Obregón and Torreón.
    /// </summary>
    private static readonly (string OoadKey, string Name)[] Umaes =
    [
        ("CDMXS", "UMAE Hospital de Especialidades CMN Siglo XXI"),
        ("CDMXS", "UMAE Hospital de Cardiología CMN Siglo XXI"),
        ("CDMXS", "UMAE Hospital de Oncología CMN Siglo XXI"),
        ("CDMXS", "UMAE Hospital de Pediatría CMN Siglo XXI"),
        ("CDMXS", "UMAE Hospital de Gineco Obstetricia No. 4"),
        ("CDMXN", "UMAE Hospital de Especialidades CMN La Raza"),
        ("CDMXN", "UMAE Hospital General CMN La Raza"),
        ("CDMXN", "UMAE Hospital de Gineco Obstetricia No. 3 CMN La Raza"),
        ("CDMXN", "UMAE Hospital de Traumatología y Ortopedia Magdalena de las Salinas"),
        ("MEXP", "UMAE Hospital de Traumatología y Ortopedia Lomas Verdes"),
        ("JAL", "UMAE Hospital de Especialidades CMN de Occidente"),
        ("JAL", "UMAE Hospital de Pediatría CMN de Occidente"),
        ("JAL", "UMAE Hospital de Gineco Obstetricia CMN de Occidente"),
        ("NL", "UMAE Hospital de Especialidades No. 25 Monterrey"),
        ("NL", "UMAE Hospital de Cardiología No. 34 Monterrey"),
        ("NL", "UMAE Hospital de Gineco Obstetricia No. 23 Monterrey"),
        ("NL", "UMAE Hospital de Traumatología y Ortopedia No. 21 Monterrey"),
        ("GTO", "UMAE Hospital de Especialidades No. 1 CMN del Bajío"),
        ("GTO", "UMAE Hospital de Gineco Pediatría No. 48 CMN del Bajío"),
        ("PUE", "UMAE Hospital de Especialidades CMN Manuel Ávila Camacho"),
        ("PUE", "UMAE Hospital de Traumatología y Ortopedia Puebla"),
        ("VERN", "UMAE Hospital de Especialidades No. 14 CMN Adolfo Ruiz Cortines"),
        ("YUC", "UMAE Hospital de Especialidades CMN Ignacio García Téllez"),
        ("SON", "UMAE Hospital de Especialidades No. 2 CMN del Noroeste"),
        ("COAH", "UMAE Hospital de Especialidades No. 71 Torreón"),
    ];

    public static void AddTo(CatalogueBuilder builder)
    {
        var populations = Ooads.Select(o => o.PopulationThousands).ToArray();
        var umfCounts = Apportion(UmfTotal, MinUmfPerRegion, populations);
        var hgzCounts = Apportion(HgzTotal, MinHgzPerRegion, populations);
        var hgrCounts = Apportion(HgrTotal, 0, populations);

        for (var i = 0; i < Ooads.Length; i++)
        {
            var ooad = Ooads[i];
            var region = new Region($"IMSS-{ooad.Key}", $"OOAD {ooad.Name}", Institution.Imss, ooad.TimeZone);
            builder.Add(region);

            AddUmaes(builder, ooad, region);
            AddHospitals(builder, ooad, region, hgzCounts[i], hgrCounts[i]);
            AddUmfs(builder, ooad, region, umfCounts[i]);
        }
    }

    private static void AddUmaes(CatalogueBuilder builder, Ooad ooad, Region region)
    {
        var random = builder.Random;
        var number = 0;
        foreach (var (_, name) in Umaes.Where(u => u.OoadKey == ooad.Key))
        {
            number++;
            var unit = new Unit(
                FormattableString.Invariant($"UMAE-{ooad.Key}-{number:D2}"),
                name,
                UnitType.Umae,
                region.Code,
                Institution.Imss,
                region.TimeZone,
                random.Next(25, 41));
            builder.Add(unit);
            builder.Staff(unit, random.Next(2, 4), ModuleName, 3, 4, NamePool.Mexican, AgentIdPrefix);
        }
    }

    /// <summary>HGZ and HGR share one hospital numbering per OOAD, as in IMSS, so "HGZ No. 1" and "HGR No. 1" never coexist.</summary>
    private static void AddHospitals(CatalogueBuilder builder, Ooad ooad, Region region, int hgzCount, int hgrCount)
    {
        var random = builder.Random;
        var types = Enumerable.Repeat(UnitType.Hgz, hgzCount).Concat(Enumerable.Repeat(UnitType.Hgr, hgrCount)).ToArray();
        random.Shuffle(types);

        var number = 0;
        var hgzSeen = 0;
        var hgrSeen = 0;
        foreach (var type in types)
        {
            number += random.Next(1, 4);
            // Hospitals go round the cities in order, so the capital gets the first of each kind.
            var city = type == UnitType.Hgz
                ? ooad.Cities[hgzSeen++ % ooad.Cities.Length]
                : ooad.Cities[hgrSeen++ % ooad.Cities.Length];
            var prefix = type == UnitType.Hgz ? "HGZ" : "HGR";
            var unit = new Unit(
                FormattableString.Invariant($"{prefix}-{ooad.Key}-{number:D3}"),
                FormattableString.Invariant($"{prefix} No. {number} {city}"),
                type,
                region.Code,
                Institution.Imss,
                TimeZoneOf(city, region),
                type == UnitType.Hgz ? random.Next(8, 15) : random.Next(15, 23));
            builder.Add(unit);

            if (type == UnitType.Hgz)
            {
                builder.Staff(unit, random.Next(1, 3), ModuleName, 2, 3, NamePool.Mexican, AgentIdPrefix);
            }
            else
            {
                builder.Staff(unit, random.Next(2, 4), ModuleName, 3, 4, NamePool.Mexican, AgentIdPrefix);
            }
        }
    }

    /// <summary>About half of the UMF have a módulo de Atención y Orientación, more often the bigger ones.</summary>
    private static void AddUmfs(CatalogueBuilder builder, Ooad ooad, Region region, int count)
    {
        var random = builder.Random;
        var units = new Unit[count];
        var number = random.Next(0, 2);
        for (var i = 0; i < count; i++)
        {
            number += random.Next(1, 4);
            var city = PickCity(random, ooad.Cities);
            units[i] = new Unit(
                FormattableString.Invariant($"UMF-{ooad.Key}-{number:D3}"),
                FormattableString.Invariant($"UMF No. {number} {city}"),
                UnitType.Umf,
                region.Code,
                Institution.Imss,
                TimeZoneOf(city, region),
                random.Next(2, 7));
        }

        // Rank by size plus noise and give a module to the top half: biased to big units, but not strictly.
        var withModule = units
            .Select(u => (Unit: u, Rank: u.Size + (random.NextDouble() * 3)))
            .OrderByDescending(x => x.Rank)
            .ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
            .Take((count + 1) / 2)
            .Select(x => x.Unit.Code)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var unit in units)
        {
            builder.Add(unit);
            if (withModule.Contains(unit.Code))
            {
                builder.Staff(unit, 1, ModuleName, unit.Size >= 6 ? 2 : 1, unit.Size >= 3 ? 2 : 1, NamePool.Mexican, AgentIdPrefix);
            }
        }
    }

    /// <summary>Weight 1/(k+1) for the k-th city: the capital or metropolis gets the largest share.</summary>
    private static string PickCity(Random random, string[] cities)
    {
        var total = 0.0;
        for (var k = 0; k < cities.Length; k++)
        {
            total += 1.0 / (k + 1);
        }

        var target = random.NextDouble() * total;
        for (var k = 0; k < cities.Length; k++)
        {
            target -= 1.0 / (k + 1);
            if (target < 0)
            {
                return cities[k];
            }
        }

        return cities[^1];
    }

    private static string TimeZoneOf(string city, Region region) =>
        CityTimeZones.GetValueOrDefault(city, region.TimeZone);

    /// <summary>
    /// Splits <paramref name="total"/> among regions: each gets <paramref name="minimum"/>, the rest goes in
    /// proportion to <paramref name="weights"/> by largest remainder (ties to the earlier region, so it is stable).
    /// </summary>
    private static int[] Apportion(int total, int minimum, int[] weights)
    {
        var result = new int[weights.Length];
        var remaining = total - (minimum * weights.Length);
        var weightSum = (double)weights.Sum();
        var fractions = new (double Fraction, int Index)[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var quota = remaining * weights[i] / weightSum;
            var whole = (int)Math.Floor(quota);
            result[i] = minimum + whole;
            given += whole;
            fractions[i] = (quota - whole, i);
        }

        foreach (var (_, index) in fractions.OrderByDescending(f => f.Fraction).ThenBy(f => f.Index).Take(remaining - given))
        {
            result[index]++;
        }

        return result;
    }

    private sealed record Ooad(string Key, string Name, string TimeZone, int PopulationThousands, string[] Cities);
}
