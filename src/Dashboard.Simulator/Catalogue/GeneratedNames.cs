namespace Dashboard.Simulator.Catalogue;

/// <summary>
/// Generates agent names by combining common first names with two common surnames, so no name points at a real person.
/// </summary>
internal sealed class NamePool
{
    // Enough retries to dodge repeats while the pool is far from full; after that a repeat is allowed
    // rather than looping forever.
    private const int MaxAttempts = 200;

    private readonly string[] _firstNames;
    private readonly string[] _surnames;

    private NamePool(string[] firstNames, string[] surnames)
    {
        _firstNames = firstNames;
        _surnames = surnames;
    }

    /// <summary>
    /// Very common Mexican given names; mostly women's, as most técnicas de Atención y Orientación are women.
    /// </summary>
    public static NamePool Mexican { get; } = new(
        [
            "María Guadalupe", "Guadalupe", "María del Carmen", "María Elena", "Juana", "Margarita",
            "Verónica", "Rosa María", "Leticia", "Patricia", "Alejandra", "Adriana", "Gabriela",
            "Elizabeth", "Martha", "Silvia", "Claudia", "Araceli", "Yolanda", "Laura", "Sandra",
            "Norma Angélica", "Mónica", "Lucía", "Fernanda", "Daniela", "Karla", "Diana", "Ana Laura",
            "Brenda", "Lizbeth", "Itzel", "Ximena", "Rocío", "Teresa", "Alma Delia", "Maribel",
            "Cecilia", "Beatriz", "Rebeca", "Esperanza", "Josefina",
            "José Luis", "Juan Carlos", "Miguel Ángel", "Jesús", "Francisco Javier", "Alejandro",
            "Jorge", "Eduardo", "Luis Fernando", "Ricardo", "Óscar",
        ],
        [
            "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
            "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres",
            "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero",
            "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina",
            "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "De la Cruz", "Contreras",
            "Salazar", "Luna", "Ortega", "Santiago", "Guerrero", "Estrada", "Bautista", "Cortés", "Soto",
            "Alvarado", "Espinoza", "Lara", "Ávila", "Ríos", "Cervantes", "Silva", "Delgado", "Vega",
            "Márquez", "Sandoval", "Carrillo", "León", "Mejía", "Solís", "Núñez", "Rosas", "Valdez",
            "Ibarra", "Campos", "Navarro", "Pacheco",
        ]);

    /// <summary>Very common Peruvian given names and surnames (Spanish, Quechua and Aymara), kept apart from Mexico's.</summary>
    public static NamePool Peruvian { get; } = new(
        [
            "María", "Rosa", "Carmen", "Ana María", "Juana", "Elizabeth", "Luz", "Milagros", "Gladys",
            "Patricia", "Julia", "Yolanda", "Flor de María", "Nancy", "Maritza", "Karina", "Roxana",
            "Sonia", "Mercedes", "Lucía", "Giovanna", "Jessica", "Fiorella", "Katherine", "Vanessa",
            "Yesenia", "Rocío", "Teresa", "Silvia", "Lourdes", "Edith", "Zulema", "Janet", "Marleny",
            "Ruth", "Delia", "Norma", "Betty", "Elva", "Mariela", "Pilar", "Susana",
            "José", "Luis Alberto", "Carlos", "Jorge", "Juan", "César", "Víctor", "Miguel", "Walter",
            "Julio César", "Percy", "Wilmer",
        ],
        [
            "Quispe", "Flores", "Sánchez", "Rodríguez", "García", "Rojas", "Mamani", "Huamán", "Chávez",
            "Vásquez", "Ramírez", "Torres", "Díaz", "Mendoza", "Castillo", "Gonzales", "Espinoza",
            "Ramos", "López", "Pérez", "Condori", "Gutiérrez", "Cruz", "Huanca", "Vargas", "Choque",
            "Apaza", "Ticona", "Paredes", "Salazar", "Romero", "Córdova", "Reyes", "Fernández",
            "Cárdenas", "Alvarado", "Castro", "Vega", "Benites", "Palacios", "Carrasco", "Cáceres",
            "Ruiz", "Medina", "Zapata", "Chambi", "Villanueva", "Guzmán", "Aguilar", "Coaquira",
            "Ccahuana", "Soto", "Herrera", "Silva", "Ayala", "Farfán", "Saavedra", "Valverde",
            "Yupanqui", "Poma", "Cusi", "Inga", "Tello", "Arias", "Meza", "Campos", "Rivera", "Morales",
            "Salas", "Pinedo", "Tapia", "Ccori",
        ]);

    /// <summary>Draws "First Surname Surname", avoiding names already in <paramref name="taken"/>, and records it there.</summary>
    public string Draw(Random random, ISet<string> taken)
    {
        var name = string.Empty;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var first = _firstNames[random.Next(_firstNames.Length)];
            var paternal = _surnames[random.Next(_surnames.Length)];
            var maternal = _surnames[random.Next(_surnames.Length)];
            if (maternal == paternal)
            {
                continue;
            }

            name = $"{first} {paternal} {maternal}";
            if (taken.Add(name))
            {
                return name;
            }
        }

        return name;
    }
}
